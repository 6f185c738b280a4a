import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv, resolveInngestMode } from './env';

describe('parseEnv', () => {
  it('applies defaults for a bare development environment', () => {
    const env = parseEnv({ NODE_ENV: 'development' });
    expect(env.APP_URL).toBe('http://localhost:3000');
    expect(env.RETENTION_DAYS).toBe(30);
    expect(env.DEV_LOGIN_ENABLED).toBe(false);
  });

  it('reads booleans strictly ("false" is false)', () => {
    expect(parseEnv({ DEV_LOGIN_ENABLED: 'false' }).DEV_LOGIN_ENABLED).toBe(false);
    expect(parseEnv({ DEV_LOGIN_ENABLED: 'true' }).DEV_LOGIN_ENABLED).toBe(true);
    expect(() => parseEnv({ DEV_LOGIN_ENABLED: 'sure' })).toThrow(/DEV_LOGIN_ENABLED/);
  });

  it('names the malformed variable in one message', () => {
    expect(() => parseEnv({ APP_URL: 'not a url', RETENTION_DAYS: '-3' })).toThrow(EnvError);
    try {
      parseEnv({ APP_URL: 'not a url' });
    } catch (err) {
      expect((err as Error).message).toMatch(/APP_URL/);
    }
  });

  it('requires the production secrets in production, but not while building', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/NEXTAUTH_SECRET[\s\S]*MONGODB_URI/);
    expect(() =>
      parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'short', MONGODB_URI: 'mongodb://x/y' }),
    ).toThrow(/at least 32/);
    expect(() =>
      parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }),
    ).not.toThrow();
  });

  it('requires the Stripe webhook secret with a Stripe key', () => {
    expect(() =>
      parseEnv({
        NODE_ENV: 'production',
        NEXTAUTH_SECRET: 'x'.repeat(40),
        MONGODB_URI: 'mongodb://h/db',
        STRIPE_SECRET_KEY: 'sk_live_x',
      }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });
});

describe('background jobs (INNGEST_*, JOBS_MODE)', () => {
  const prod = {
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: 'x'.repeat(40),
    NEXTAUTH_URL: 'https://trailroom.example',
    APP_URL: 'https://trailroom.example',
    MONGODB_URI: 'mongodb://h/db',
  };
  const keys = { INNGEST_SIGNING_KEY: 'signkey-prod-abc', INNGEST_EVENT_KEY: 'evt' };
  /** The mode a server started with this environment runs in (lib/env's own resolver). */
  const mode = (source: Record<string, string>) => resolveInngestMode(parseEnv(source));

  it('reads INNGEST_DEV as a strict boolean: 0/false/no/empty are off, garbage is refused', () => {
    for (const off of ['0', 'false', 'no', ''])
      expect(parseEnv({ INNGEST_DEV: off }).INNGEST_DEV).toBe(false);
    for (const on of ['1', 'true', 'yes'])
      expect(parseEnv({ INNGEST_DEV: on }).INNGEST_DEV).toBe(true);
    for (const bad of ['off', 'http://localhost:8288', 'TRUE ', 'dev'])
      expect(() => parseEnv({ INNGEST_DEV: bad })).toThrow(/INNGEST_DEV/);
  });

  it('INNGEST_DEV=0 with keys is signed (cloud), not the dev server', () => {
    expect(mode({ ...keys, INNGEST_DEV: '0' })).toBe('cloud');
    expect(mode({ ...keys, INNGEST_DEV: 'false' })).toBe('cloud');
  });

  it('INNGEST_BASE_URL never means dev: with a signing key it is self-hosted, without one it is refused', () => {
    expect(mode({ ...keys, INNGEST_BASE_URL: 'https://inngest.internal:8288' })).toBe(
      'self-hosted',
    );
    expect(() => parseEnv({ INNGEST_BASE_URL: 'http://127.0.0.1:8288' })).toThrow(
      /INNGEST_BASE_URL: needs INNGEST_SIGNING_KEY/,
    );
    expect(() =>
      parseEnv({ INNGEST_BASE_URL: 'http://127.0.0.1:8288', INNGEST_EVENT_KEY: 'evt' }),
    ).toThrow(/INNGEST_BASE_URL/);
    // The dev server, explicitly: allowed outside production.
    expect(mode({ INNGEST_BASE_URL: 'http://127.0.0.1:8288', INNGEST_DEV: '1' })).toBe('dev');
  });

  it('a signing key needs the event key too', () => {
    expect(() => parseEnv({ INNGEST_SIGNING_KEY: 'signkey-prod-abc' })).toThrow(
      /INNGEST_EVENT_KEY/,
    );
  });

  it('JOBS_MODE=inngest insists on an Inngest server (both keys); unknown values are refused', () => {
    expect(() => parseEnv({ JOBS_MODE: 'inngest' })).toThrow(/JOBS_MODE: inngest needs/);
    expect(() => parseEnv({ JOBS_MODE: 'inngest', INNGEST_EVENT_KEY: 'evt' })).toThrow(/JOBS_MODE/);
    expect(mode({ JOBS_MODE: 'inngest', ...keys })).toBe('cloud');
    expect(() => parseEnv({ JOBS_MODE: 'queue' })).toThrow(/JOBS_MODE/);
  });

  it('outside production, no keys means inline', () => {
    expect(mode({})).toBe('inline');
    expect(mode({ JOBS_MODE: 'inline', ...keys })).toBe('inline');
  });

  it('production refuses INNGEST_DEV, even with keys', () => {
    expect(() => parseEnv({ ...prod, ...keys, INNGEST_DEV: '1' })).toThrow(
      /INNGEST_DEV: the Inngest dev server skips signature checks/,
    );
    expect(() =>
      parseEnv({ ...prod, INNGEST_DEV: 'true', INNGEST_BASE_URL: 'http://127.0.0.1:8288' }),
    ).toThrow(/INNGEST_DEV/);
    expect(() => parseEnv({ ...prod, ...keys, INNGEST_DEV: '0' })).not.toThrow();
  });

  it('production refuses inline jobs unless JOBS_MODE=inline says so', () => {
    expect(() => parseEnv(prod)).toThrow(/JOBS_MODE: production needs an Inngest server/);
    expect(mode({ ...prod, JOBS_MODE: 'inline' })).toBe('inline');
    expect(mode({ ...prod, ...keys })).toBe('cloud');
    expect(mode({ ...prod, ...keys, INNGEST_BASE_URL: 'https://inngest.internal' })).toBe(
      'self-hosted',
    );
    expect(() => parseEnv({ ...prod, JOBS_MODE: 'inngest' })).toThrow(/JOBS_MODE/);
  });
});
