import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { widgetTokenSecret } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** How long a widget session token lasts: one shopping visit. */
export const VISITOR_TOKEN_TTL_SECONDS = 2 * 60 * 60;

/** A visitor id as the embed script makes it (random, kept in the shop's sessionStorage). */
export const visitorIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

const claimsSchema = z
  .object({
    /** The publishable key's `_id`. */
    keyId: z.string().regex(/^[0-9a-f]{24}$/),
    /** The organisation that owns the key. */
    orgId: z.string().regex(/^[0-9a-f]{24}$/),
    vid: visitorIdSchema,
    /** The shop origin the dialog was opened from (one of the key's allowed origins). */
    origin: z.string().max(300),
    /** Expiry, seconds since the epoch. */
    exp: z.number().int(),
  })
  .strict();

export type VisitorClaims = z.infer<typeof claimsSchema>;

function mac(payload: string): Buffer {
  return createHmac('sha256', widgetTokenSecret()).update(`widget.v1.${payload}`).digest();
}

/** `<base64url(JSON claims)>.<base64url(HMAC-SHA256)>`, signed with a secret derived from the session secret. */
export function signVisitorToken(
  claims: Omit<VisitorClaims, 'exp'>,
  now: Date = new Date(),
): { token: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + VISITOR_TOKEN_TTL_SECONDS;
  const payload = Buffer.from(JSON.stringify({ ...claims, exp })).toString('base64url');
  return {
    token: `${payload}.${mac(payload).toString('base64url')}`,
    expiresAt: new Date(exp * 1000),
  };
}

const invalid = () =>
  new AppError('widget_token_invalid', 'The try-on session is not valid; reopen the try-on');

/** The claims of a token this server signed and that has not expired; 401 `widget_token_invalid` otherwise. */
export function verifyVisitorTokenOrThrow(
  token: string | null | undefined,
  now: Date = new Date(),
): VisitorClaims {
  if (!token || token.length > 1000) throw invalid();
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) throw invalid();
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const claims = claimsSchema.safeParse(json);
  if (!claims.success) throw invalid();
  if (claims.data.exp * 1000 <= now.getTime())
    throw new AppError('widget_token_expired', 'The try-on session has expired; reopen the try-on');
  return claims.data;
}
