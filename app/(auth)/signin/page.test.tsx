import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 30_000 });

interface ClientProps {
  devEmails: string[];
}

/** Renders the sign-in page (a static server component) under the given environment and returns its client island's props. */
async function signInProps(env: Record<string, string>): Promise<ClientProps> {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { default: SignInPage } = await import('./page');
  const { SignInClient } = await import('./signin-client');
  const tree = SignInPage();
  const found: ClientProps[] = [];
  const walk = (node: ReactNode) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isValidElement(node)) return;
    const el = node as ReactElement<{ children?: ReactNode }>;
    if (el.type === SignInClient) found.push(el.props as unknown as ClientProps);
    walk(el.props.children);
  };
  walk(tree);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const local = {
  NODE_ENV: 'development',
  APP_URL: 'http://localhost:3000',
  DEV_LOGIN_ENABLED: 'true',
  SEED_DEMO_EMAIL: 'demo@trailroom.local',
  SEED_ADMIN_EMAIL: 'admin@trailroom.local',
};

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('sign-in page: the seeded logins', () => {
  it('are listed on a local development server with dev sign-in enabled', async () => {
    const props = await signInProps(local);
    expect(props.devEmails).toEqual(['demo@trailroom.local', 'admin@trailroom.local']);
  });

  it.each([
    ['a staging box (public APP_URL)', { APP_URL: 'https://staging.trailroom.example' }],
    ['a private-network APP_URL', { APP_URL: 'http://10.0.0.5:3000' }],
    ['dev sign-in not enabled', { DEV_LOGIN_ENABLED: 'false' }],
    [
      'production',
      {
        NODE_ENV: 'production',
        NEXTAUTH_SECRET: 'a-production-secret-of-at-least-32-chars',
        NEXTAUTH_URL: 'http://localhost:3000',
        MONGODB_URI: 'mongodb://127.0.0.1:9/none',
        JOBS_MODE: 'inline',
      },
    ],
  ])('are never shown on %s', async (_name, overrides) => {
    const props = await signInProps({ ...local, ...overrides });
    expect(props.devEmails).toEqual([]);
  });
});

describe('sign-in page: callbackUrl (read in the browser, against the page origin)', () => {
  it.each([
    [undefined, '/start'],
    ['/history?page=2#x', '/history?page=2#x'],
    ['http://localhost:3000/credits', '/credits'],
    ['/signin?callbackUrl=/x', '/'],
    ['/\t/evil.example', '/'],
    ['//evil.example', '/'],
    ['https://evil.example/', '/'],
  ])('%j → %s', async (callbackUrl, expected) => {
    const { signInView } = await import('./sign-in-view');
    const params = new URLSearchParams(callbackUrl === undefined ? {} : { callbackUrl });
    expect(signInView(params, 'http://localhost:3000').callbackUrl).toBe(expected);
  });

  it('names the error from the query and never echoes unknown text', async () => {
    const { signInView } = await import('./sign-in-view');
    const view = signInView(
      new URLSearchParams({ error: '<script>x</script>' }),
      'http://localhost:3000',
    );
    expect(view.message?.tone).toBe('error');
    expect(JSON.stringify(view.message)).not.toContain('<script>');
    expect(signInView(new URLSearchParams(), 'http://localhost:3000').message).toBeNull();
  });
});
