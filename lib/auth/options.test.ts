import { afterEach, describe, expect, it, vi } from 'vitest';

// lib/env reads process.env once at import: load the auth options afresh under each environment.
async function loadProviders(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { authOptions } = await import('./options');
  // next-auth applies `options` over the provider's defaults: the effective id of CredentialsProvider({ id: 'dev' }) is 'dev'.
  return authOptions.providers.map((p) => (p as { options?: { id?: string } }).options?.id ?? p.id);
}

const common = {
  DEV_LOGIN_ENABLED: 'true',
  GOOGLE_CLIENT_ID: 'client-id',
  GOOGLE_CLIENT_SECRET: 'client-secret',
  NEXTAUTH_SECRET: 'a-production-secret-of-at-least-32-chars',
  MONGODB_URI: 'mongodb://db.example:27017/trailroom',
  NEXTAUTH_URL: 'https://trailroom.example',
  APP_URL: 'https://trailroom.example',
  JOBS_MODE: 'inline',
};

// Each case re-imports the auth options (and next-auth) under a new environment: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('auth providers', () => {
  it('never offers the development sign-in in production, even with DEV_LOGIN_ENABLED=true', async () => {
    const ids = await loadProviders({ ...common, NODE_ENV: 'production' });
    expect(ids).toEqual(['google']);
  });

  it('never offers it in a production build either (next build phase)', async () => {
    const ids = await loadProviders({
      ...common,
      NODE_ENV: 'production',
      NEXT_PHASE: 'phase-production-build',
    });
    expect(ids).not.toContain('dev');
  });

  it('offers it in development only when enabled and APP_URL is a loopback address', async () => {
    const local = { ...common, NODE_ENV: 'development', APP_URL: 'http://localhost:3000' };
    expect(await loadProviders(local)).toEqual(['google', 'dev']);
    expect(await loadProviders({ ...local, DEV_LOGIN_ENABLED: 'false' })).toEqual(['google']);
    // A staging box: NODE_ENV=development, explicitly enabled, but served on a public name.
    expect(await loadProviders({ ...local, APP_URL: 'https://staging.trailroom.example' })).toEqual(
      ['google'],
    );
    expect(await loadProviders({ ...local, APP_URL: 'http://10.0.0.5:3000' })).toEqual(['google']);
  });

  it('offers Google only when its client id and secret are set, pointed at GOOGLE_ISSUER when given', async () => {
    expect(
      await loadProviders({
        NODE_ENV: 'development',
        DEV_LOGIN_ENABLED: 'true',
        GOOGLE_CLIENT_ID: '',
        GOOGLE_CLIENT_SECRET: '',
      }),
    ).toEqual(['dev']);
    vi.resetModules();
    for (const [k, v] of Object.entries({
      ...common,
      NODE_ENV: 'test',
      GOOGLE_ISSUER: 'http://localhost:4999/',
    }))
      vi.stubEnv(k, v);
    const { authOptions } = await import('./options');
    const google = authOptions.providers.find((p) => p.id === 'google') as
      { options?: { issuer?: string; wellKnown?: string } } | undefined;
    expect(google?.options).toMatchObject({
      issuer: 'http://localhost:4999',
      wellKnown: 'http://localhost:4999/.well-known/openid-configuration',
    });
  });
});

describe('dev sign-in on a staging box (NODE_ENV=development, DEV_LOGIN_ENABLED=true, APP_URL not loopback)', () => {
  const staging = {
    ...common,
    NODE_ENV: 'development',
    APP_URL: 'https://staging.trailroom.example',
    NEXTAUTH_URL: 'https://staging.trailroom.example',
  };

  interface Answer {
    status: number;
    headers: Record<string, string | string[]>;
    body: unknown;
  }

  /**
   * next-auth's own request handling (what /api/auth/* runs) under the given
   * environment, through its API-route form, which needs no Next request scope.
   */
  async function nextAuth(env: Record<string, string>) {
    vi.resetModules();
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    const { authOptions } = await import('./options');
    const NextAuth = (await import('next-auth')).default as unknown as (
      req: unknown,
      res: unknown,
      options: unknown,
    ) => Promise<void>;
    return async (req: {
      method: 'GET' | 'POST';
      path: string[];
      body?: Record<string, string>;
      cookies?: Record<string, string>;
    }): Promise<Answer> => {
      const answer: Answer = { status: 200, headers: {}, body: undefined };
      const res = {
        status(code: number) {
          answer.status = code;
          return res;
        },
        setHeader(k: string, v: string | string[]) {
          answer.headers[k.toLowerCase()] = v;
          return res;
        },
        getHeader: (k: string) => answer.headers[k.toLowerCase()],
        end: () => undefined,
        send: (b: unknown) => void (answer.body = b),
        json: (b: unknown) => void (answer.body = b),
      };
      await NextAuth(
        {
          method: req.method,
          query: { nextauth: req.path },
          body: req.body ?? {},
          cookies: req.cookies ?? {},
          headers: { host: new URL(env.APP_URL ?? 'http://localhost:3000').host },
        },
        res,
        authOptions,
      );
      return answer;
    };
  }

  const cookies = (a: Answer) =>
    ([] as string[]).concat(a.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);

  it('next-auth lists no dev provider (and does on loopback, the control)', async () => {
    const onStaging = await nextAuth(staging);
    const listed = await onStaging({ method: 'GET', path: ['providers'] });
    expect(Object.keys(listed.body as object)).toEqual(['google']);
    const onLoopback = await nextAuth({
      ...staging,
      APP_URL: 'http://localhost:3000',
      NEXTAUTH_URL: 'http://localhost:3000',
    });
    const local = await onLoopback({ method: 'GET', path: ['providers'] });
    expect(Object.keys(local.body as object)).toEqual(['google', 'dev']);
  });

  async function devSignIn(env: Record<string, string>) {
    const handle = await nextAuth(env);
    const csrf = await handle({ method: 'GET', path: ['csrf'] });
    const csrfCookie = cookies(csrf).find((c) => c.includes('next-auth.csrf-token='));
    expect(csrfCookie).toBeDefined();
    const [name, value] = csrfCookie!.split(/=(.*)/s) as [string, string];
    return handle({
      method: 'POST',
      path: ['callback', 'dev'],
      body: {
        email: 'admin@trailroom.local',
        csrfToken: (csrf.body as { csrfToken: string }).csrfToken,
      },
      cookies: { [name]: decodeURIComponent(value) },
    });
  }

  it('a dev sign-in POST as the seeded super admin is refused: no session cookie', async () => {
    const res = await devSignIn(staging);
    expect(res.status).toBe(400); // next-auth: no such provider for this action
    expect(cookies(res).some((c) => /next-auth\.session-token=./.test(c))).toBe(false);
    // Control: on loopback the same request reaches the provider's authorize (which
    // fails here only because no database answers, and says so as a sign-in error).
    const local = await devSignIn({
      ...staging,
      APP_URL: 'http://localhost:3000',
      NEXTAUTH_URL: 'http://localhost:3000',
      MONGODB_URI: 'mongodb://127.0.0.1:9/none',
      MONGODB_CONNECT_TIMEOUT_MS: '300',
    });
    expect(local.status).toBe(302);
    expect(String(local.headers.location)).toMatch(/^http:\/\/localhost:3000\/.*[?&]error=/);
  });
});
