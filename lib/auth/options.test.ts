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
