import { describe, expect, it } from 'vitest';
import { friendlyAuthRedirect } from './friendly-auth-redirect';

const at = (path: string) => friendlyAuthRedirect(new URL(path, 'http://localhost:3000'));

describe('friendlyAuthRedirect', () => {
  it('tells a cancelled consent from a provider failure', () => {
    expect(at('/api/auth/callback/google?error=access_denied&state=x')).toBe(
      '/signin?error=access_denied',
    );
    expect(at('/api/auth/callback/google?error=server_error')).toBe('/signin?error=provider_error');
    expect(at('/api/auth/callback/google?error=temporarily_unavailable')).toBe(
      '/signin?error=provider_error',
    );
  });

  it('keeps the CSRF retry notice that next-auth would drop', () => {
    expect(at('/api/auth/signin?csrf=true')).toBe('/signin?csrf=true');
  });

  it('leaves normal callbacks and other auth routes to next-auth', () => {
    expect(at('/api/auth/callback/google?code=abc&state=x')).toBeNull();
    expect(at('/api/auth/signin?error=x')).toBeNull();
    expect(at('/api/auth/signin')).toBeNull();
    expect(at('/api/auth/session')).toBeNull();
  });
});
