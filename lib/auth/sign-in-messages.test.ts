import { describe, expect, it } from 'vitest';
import { signInMessage } from './sign-in-messages';

describe('signInMessage', () => {
  it('explains cancelled consent, suspension and provider errors distinctly', () => {
    expect(signInMessage({ error: 'access_denied' })).toMatchObject({
      tone: 'info',
      title: 'Sign-in cancelled',
    });
    expect(signInMessage({ error: 'suspended' })?.title).toBe('This account is suspended');
    // A suspended person is pointed at the support form, not just told to find support.
    expect(signInMessage({ error: 'suspended' })?.link).toEqual({
      href: '/support',
      label: 'Contact support',
    });
    expect(signInMessage({ error: 'provider_error' })?.title).toMatch(
      /Google sign-in isn’t working/,
    );
    expect(signInMessage({ error: 'OAuthCallback' })?.title).toBe(
      'Google sign-in couldn’t be completed',
    );
  });

  it('never echoes unknown codes or prototype keys', () => {
    expect(signInMessage({ error: '<script>alert(1)</script>' })?.title).toBe('Sign-in failed');
    expect(signInMessage({ error: 'constructor' })?.title).toBe('Sign-in failed');
    expect(signInMessage({ notice: 'toString' })).toBeNull();
    expect(signInMessage({})).toBeNull();
  });

  it('shows notices (csrf refresh, signed out everywhere)', () => {
    expect(signInMessage({ csrf: 'true' })?.title).toBe('Please try again');
    expect(signInMessage({ notice: 'signed_out_everywhere' })?.tone).toBe('info');
  });
});
