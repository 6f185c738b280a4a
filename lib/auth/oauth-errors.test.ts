import { describe, expect, it } from 'vitest';
import { oauthCallbackErrorRedirect } from './oauth-errors';

const at = (path: string) => oauthCallbackErrorRedirect(new URL(path, 'http://localhost:3000'));

describe('oauthCallbackErrorRedirect', () => {
  it('tells a cancelled consent from a provider failure', () => {
    expect(at('/api/auth/callback/google?error=access_denied&state=x')).toBe(
      '/signin?error=access_denied',
    );
    expect(at('/api/auth/callback/google?error=server_error')).toBe('/signin?error=provider_error');
    expect(at('/api/auth/callback/google?error=temporarily_unavailable')).toBe(
      '/signin?error=provider_error',
    );
  });

  it('leaves normal callbacks and other auth routes to next-auth', () => {
    expect(at('/api/auth/callback/google?code=abc&state=x')).toBeNull();
    expect(at('/api/auth/signin?error=x')).toBeNull();
    expect(at('/api/auth/session')).toBeNull();
  });
});
