import { createHash, timingSafeEqual } from 'node:crypto';
import mongoose from 'mongoose';
import { resolveCaller } from '@/lib/auth/caller';
import { isAdminRole } from '@/lib/auth/roles';
import { describeEnv, env } from '@/lib/env';
import { APP_VERSION } from '@/lib/version';

/** What anyone (an uptime monitor) learns: that the process answers. */
export const PUBLIC_HEALTH = { status: 'ok' } as const;

/** The configuration summary, for operators only: it tells an attacker which doors exist. */
export function healthDetails() {
  return {
    status: 'ok' as const,
    version: APP_VERSION,
    time: new Date().toISOString(),
    database: { connected: mongoose.connection.readyState === 1 },
    ...describeEnv(),
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** `Authorization: Bearer <OPS_TOKEN>`, compared in constant time (false when no token is configured). */
export function opsTokenMatches(authorization: string | null): boolean {
  const expected = env.OPS_TOKEN;
  if (!expected || !authorization) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  if (!match?.[1]) return false;
  // Equal-length digests: timingSafeEqual leaks neither the token nor its length.
  return timingSafeEqual(digest(match[1]), digest(expected));
}

/**
 * May this request see the details? With the ops token, or as an admin signed
 * in through a session (not an API key). Any failure to resolve the caller
 * (a bad cookie, a suspended account) just means "no": health never errors.
 */
export async function mayReadHealthDetails(req: Request): Promise<boolean> {
  if (opsTokenMatches(req.headers.get('authorization'))) return true;
  if (!req.headers.get('cookie')) return false;
  try {
    const caller = await resolveCaller(req);
    return Boolean(caller && caller.via === 'session' && isAdminRole(caller.role));
  } catch {
    return false;
  }
}
