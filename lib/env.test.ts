import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

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
