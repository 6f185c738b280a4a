import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { User, type UserDoc } from '@/models';
import type { Role } from '@/models/user';
import { authSecret } from '@/lib/env';

/**
 * Test helpers (integration tests only): real users in the test database and
 * real next-auth session tokens, so route handlers run their full caller
 * resolution — nothing about auth is mocked.
 */
export const SESSION_COOKIE = 'next-auth.session-token';

let counter = 0;

export async function createTestUser(
  fields: { role?: Role; email?: string; status?: 'active' | 'suspended'; name?: string } = {},
): Promise<UserDoc> {
  counter += 1;
  const email = fields.email ?? `${fields.role ?? 'user'}-${counter}-${Date.now()}@example.test`;
  const doc = await User.create({
    email,
    name: fields.name ?? `Test ${fields.role ?? 'user'} ${counter}`,
    role: fields.role ?? 'user',
    status: fields.status ?? 'active',
    provider: 'google',
    sessionVersion: 0,
  });
  return doc.toObject() as UserDoc;
}

/** A session token as next-auth issues it at sign-in (uid, role, session version). */
export async function sessionToken(
  user: Pick<UserDoc, '_id' | 'email' | 'role'> & { sessionVersion?: number | null },
): Promise<string> {
  return encode({
    secret: authSecret(),
    token: {
      sub: user._id.toString(),
      email: user.email,
      uid: user._id.toString(),
      role: user.role,
      sv: user.sessionVersion ?? 0,
    },
  });
}

export interface TestRequestInit {
  method?: string;
  /** Session token (from sessionToken) sent as the next-auth cookie. */
  token?: string;
  apiKey?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export function testRequest(path: string, init: TestRequestInit = {}): NextRequest {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('cookie', `${SESSION_COOKIE}=${init.token}`);
  if (init.apiKey) headers.set('x-api-key', init.apiKey);
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  return new NextRequest(new URL(path, 'http://localhost:3000'), {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler the way Next.js does and returns status and parsed JSON. */
export async function callRoute<P = Record<string, never>>(
  handler: Handler<P>,
  path: string,
  init: TestRequestInit & { params?: P } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await handler(testRequest(path, init), {
    params: Promise.resolve((init.params ?? {}) as P),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    headers: res.headers,
  };
}
