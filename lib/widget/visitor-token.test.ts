import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import {
  signVisitorToken,
  verifyVisitorTokenOrThrow,
  VISITOR_TOKEN_TTL_SECONDS,
} from './visitor-token';

const claims = {
  keyId: '665f1c2e8a1b2c3d4e5f6a7b',
  orgId: '665f1c2e8a1b2c3d4e5f6a7c',
  vid: 'visitor_12345678',
  origin: 'https://shop.example',
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
  return undefined;
}

describe('visitor token', () => {
  it('round-trips its claims until it expires', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const { token, expiresAt } = signVisitorToken(claims, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(VISITOR_TOKEN_TTL_SECONDS * 1000);
    expect(verifyVisitorTokenOrThrow(token, now)).toEqual({
      ...claims,
      exp: expiresAt.getTime() / 1000,
    });
    expect(codeOf(() => verifyVisitorTokenOrThrow(token, expiresAt))).toBe('widget_token_expired');
  });

  it('refuses a token whose claims were changed (another org, key or visitor)', () => {
    const { token } = signVisitorToken(claims);
    const [payload, sig] = token.split('.') as [string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as typeof claims;
    for (const change of [
      { orgId: '665f1c2e8a1b2c3d4e5f6a7d' },
      { keyId: '665f1c2e8a1b2c3d4e5f6a7d' },
      { vid: 'someone_else_123' },
      { exp: 9_999_999_999 },
    ]) {
      const forged = Buffer.from(JSON.stringify({ ...decoded, ...change })).toString('base64url');
      expect(codeOf(() => verifyVisitorTokenOrThrow(`${forged}.${sig}`))).toBe(
        'widget_token_invalid',
      );
    }
  });

  it('refuses malformed tokens and a flipped signature', () => {
    const { token } = signVisitorToken(claims);
    const flipped = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    for (const bad of [null, '', 'abc', `${token}.x`, flipped, 'x'.repeat(2000)]) {
      expect(codeOf(() => verifyVisitorTokenOrThrow(bad))).toBe('widget_token_invalid');
    }
  });
});
