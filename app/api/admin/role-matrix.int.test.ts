import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NextRequest } from 'next/server';
import { ROLES, type Role } from '@/models/user';
import type { UserDoc } from '@/models';
import { SupportMessage } from '@/models/support-message';
import { PERMISSIONS, type Permission } from '@/lib/auth/roles';
import { resetRateLimits } from '@/lib/rate-limit';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';

/**
 * The role matrix over every admin API route: each role gets exactly what
 * PERMISSIONS (DESIGN.md "Roles and admin") gives it, everyone else 403 with
 * the error envelope, anonymous 401. Every route file under app/api/admin
 * must appear here — a new admin route fails this test until it is added.
 */
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Entry {
  /** Route file, relative to app/api/admin. */
  file: string;
  method: Method;
  permission: Permission;
  /** Builds the request for a target id (a user id, or what `target` made). */
  request: (targetId: string) => { path: string; params?: Record<string, string>; body?: unknown };
  /** Makes the entity an allowed call acts on (a job, a payment) for a fresh target user. */
  target?: (userId: string) => Promise<string>;
}

/** A failed, refunded try-on job of the user (retry needs failed; refund then replays, still 200). */
async function failedJob(userId: string): Promise<string> {
  const { createQueuedJob } = await import('@/lib/testing/tryon-fixtures');
  const { failAndRefundJob } = await import('@/lib/tryon');
  const job = await createQueuedJob(userId, { status: 'processing', startedAt: new Date() });
  await failAndRefundJob(job._id.toString(), { code: 'provider_error', message: 'role matrix' });
  return job._id.toString();
}

/** A paid local test-checkout payment of the user. */
async function paidPaymentOf(userId: string): Promise<string> {
  const { paidPayment } = await import('@/lib/testing/payment-fixtures');
  return (await paidPayment(userId, 300))._id.toString();
}

/** An organisation owned by the user (the admin organisation routes act on it). */
async function orgOf(userId: string): Promise<string> {
  const { createOrganization } = await import('@/lib/orgs');
  return (await createOrganization({ userId, name: `Matrix ${userId.slice(-6)}` })).id;
}

const MATRIX: Entry[] = [
  {
    file: 'organizations/route.ts',
    method: 'GET',
    permission: 'users:read',
    request: () => ({ path: '/api/admin/organizations?q=matrix' }),
  },
  {
    file: 'organizations/[id]/route.ts',
    method: 'GET',
    permission: 'users:read',
    target: orgOf,
    request: (id) => ({ path: `/api/admin/organizations/${id}`, params: { id } }),
  },
  {
    file: 'organizations/[id]/credits/route.ts',
    method: 'POST',
    permission: 'credits:adjust',
    target: orgOf,
    request: (id) => ({
      path: `/api/admin/organizations/${id}/credits`,
      params: { id },
      body: { credits: 5, reason: 'role matrix goodwill', idempotency_key: crypto.randomUUID() },
    }),
  },
  {
    file: 'organizations/[id]/suspend/route.ts',
    method: 'POST',
    permission: 'users:write',
    target: orgOf,
    request: (id) => ({
      path: `/api/admin/organizations/${id}/suspend`,
      params: { id },
      body: { reason: 'role matrix' },
    }),
  },
  {
    file: 'organizations/[id]/unsuspend/route.ts',
    method: 'POST',
    permission: 'users:write',
    target: orgOf,
    request: (id) => ({
      path: `/api/admin/organizations/${id}/unsuspend`,
      params: { id },
      body: { reason: 'role matrix' },
    }),
  },
  {
    file: 'support/[id]/route.ts',
    method: 'PATCH',
    permission: 'users:write',
    target: async (userId) =>
      (
        await SupportMessage.create({
          userId,
          email: `${userId}@matrix.test`,
          topic: 'account',
          message: 'Role matrix message',
        })
      )._id.toString(),
    request: (id) => ({
      path: `/api/admin/support/${id}`,
      params: { id },
      body: { status: 'handled' },
    }),
  },
  {
    file: 'users/route.ts',
    method: 'GET',
    permission: 'users:read',
    request: () => ({ path: '/api/admin/users?q=test' }),
  },
  {
    file: 'users/[id]/route.ts',
    method: 'GET',
    permission: 'users:read',
    request: (id) => ({ path: `/api/admin/users/${id}`, params: { id } }),
  },
  {
    file: 'users/[id]/suspend/route.ts',
    method: 'POST',
    permission: 'users:write',
    request: (id) => ({
      path: `/api/admin/users/${id}/suspend`,
      params: { id },
      body: { reason: 'role matrix' },
    }),
  },
  {
    file: 'users/[id]/unsuspend/route.ts',
    method: 'POST',
    permission: 'users:write',
    request: (id) => ({
      path: `/api/admin/users/${id}/unsuspend`,
      params: { id },
      body: { reason: 'role matrix' },
    }),
  },
  {
    file: 'users/[id]/role/route.ts',
    method: 'POST',
    permission: 'roles:manage',
    request: (id) => ({
      path: `/api/admin/users/${id}/role`,
      params: { id },
      body: { role: 'user', reason: 'role matrix' },
    }),
  },
  {
    file: 'users/[id]/credits/route.ts',
    method: 'GET',
    permission: 'users:read',
    request: (id) => ({ path: `/api/admin/users/${id}/credits`, params: { id } }),
  },
  {
    file: 'users/[id]/credits/route.ts',
    method: 'POST',
    permission: 'credits:adjust',
    request: (id) => ({
      path: `/api/admin/users/${id}/credits`,
      params: { id },
      body: { credits: 5, reason: 'role matrix goodwill', idempotency_key: crypto.randomUUID() },
    }),
  },
  {
    file: 'reconcile/route.ts',
    method: 'GET',
    permission: 'revenue:read',
    request: () => ({ path: '/api/admin/reconcile' }),
  },
  {
    file: 'reconcile/route.ts',
    method: 'POST',
    permission: 'ledger:repair',
    request: () => ({ path: '/api/admin/reconcile' }),
  },
  {
    file: 'audit-logs/route.ts',
    method: 'GET',
    permission: 'audit:read',
    request: () => ({ path: '/api/admin/audit-logs' }),
  },
  {
    file: 'jobs/route.ts',
    method: 'GET',
    permission: 'jobs:manage',
    request: () => ({ path: '/api/admin/jobs?status=failed' }),
  },
  {
    file: 'jobs/[id]/route.ts',
    method: 'GET',
    permission: 'jobs:manage',
    target: failedJob,
    request: (id) => ({ path: `/api/admin/jobs/${id}`, params: { id } }),
  },
  {
    file: 'jobs/[id]/retry/route.ts',
    method: 'POST',
    permission: 'jobs:manage',
    target: failedJob,
    request: (id) => ({
      path: `/api/admin/jobs/${id}/retry`,
      params: { id },
      body: { reason: 'role matrix retry', idempotency_key: crypto.randomUUID() },
    }),
  },
  {
    file: 'jobs/[id]/refund/route.ts',
    method: 'POST',
    permission: 'jobs:manage',
    target: failedJob,
    request: (id) => ({
      path: `/api/admin/jobs/${id}/refund`,
      params: { id },
      body: { reason: 'role matrix refund' },
    }),
  },
  {
    file: 'payments/route.ts',
    method: 'GET',
    permission: 'payments:read',
    request: () => ({ path: '/api/admin/payments?status=paid' }),
  },
  {
    file: 'payments/[id]/route.ts',
    method: 'GET',
    permission: 'payments:read',
    target: paidPaymentOf,
    request: (id) => ({ path: `/api/admin/payments/${id}`, params: { id } }),
  },
  {
    file: 'payments/[id]/refund/route.ts',
    method: 'POST',
    permission: 'payments:refund',
    target: paidPaymentOf,
    request: (id) => ({
      path: `/api/admin/payments/${id}/refund`,
      params: { id },
      body: {
        amount_cents: 100,
        reason: 'role matrix refund',
        idempotency_key: crypto.randomUUID(),
      },
    }),
  },
  {
    file: 'prompts/route.ts',
    method: 'GET',
    permission: 'prompts:manage',
    request: () => ({ path: '/api/admin/prompts' }),
  },
  {
    file: 'prompts/[type]/route.ts',
    method: 'GET',
    permission: 'prompts:manage',
    request: () => ({ path: '/api/admin/prompts/top_only', params: { type: 'top_only' } }),
  },
  {
    file: 'prompts/[type]/route.ts',
    method: 'POST',
    permission: 'prompts:manage',
    request: () => ({
      path: '/api/admin/prompts/top_only',
      params: { type: 'top_only' },
      body: { content: 'Role matrix prompt: replace only the top garment.', note: 'role matrix' },
    }),
  },
  {
    file: 'prompts/[type]/activate/route.ts',
    method: 'POST',
    permission: 'prompts:manage',
    request: () => ({
      path: '/api/admin/prompts/system/activate',
      params: { type: 'system' },
      body: { version: 1 },
    }),
  },
  {
    file: 'prompts/[type]/diff/route.ts',
    method: 'GET',
    permission: 'prompts:manage',
    request: () => ({
      path: '/api/admin/prompts/system/diff?from=1&to=1',
      params: { type: 'system' },
    }),
  },
  {
    file: 'prompts/[type]/preview/route.ts',
    method: 'GET',
    permission: 'prompts:manage',
    request: () => ({ path: '/api/admin/prompts/system/preview', params: { type: 'system' } }),
  },
  {
    file: 'analytics/route.ts',
    method: 'GET',
    permission: 'analytics:read',
    request: () => ({ path: '/api/admin/analytics?range=7' }),
  },
  {
    file: 'analytics/rollup/route.ts',
    method: 'POST',
    permission: 'analytics:write',
    request: () => ({ path: '/api/admin/analytics/rollup', body: { days: 1 } }),
  },
];

const ADMIN_DIR = path.resolve(import.meta.dirname);
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

async function discoverRoutes(): Promise<
  Array<{ file: string; method: Method; handler: Handler }>
> {
  const files = readdirSync(ADMIN_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(`${path.sep}route.ts`) || f === 'route.ts')
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const found: Array<{ file: string; method: Method; handler: Handler }> = [];
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ path.join(ADMIN_DIR, file))) as Partial<
      Record<Method, Handler>
    >;
    for (const method of METHODS) {
      const handler = mod[method];
      if (handler) found.push({ file, method, handler });
    }
  }
  return found;
}

function expectEnvelope(body: unknown, code: string) {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
}

describe('admin API role matrix', () => {
  // Four actors call every admin route: without a reset the per-person `api` budget runs out.
  afterEach(() => resetRateLimits());
  // An allowed retry starts a run in inline mode: let it end before the database goes.
  afterAll(async () => {
    const { drainInline } = await import('@/lib/jobs');
    await drainInline(30_000);
  });

  let routes: Awaited<ReturnType<typeof discoverRoutes>>;
  const actors = {} as Record<Role, { user: UserDoc; token: string }>;

  beforeAll(async () => {
    routes = await discoverRoutes();
    // The prompt routes act on the seeded v1 prompts.
    await (await import('@/lib/seed/seed')).seed();
    for (const role of ROLES) {
      const user = await createTestUser({ role });
      actors[role] = { user, token: await sessionToken(user) };
    }
  });

  it('covers every admin route file and method', () => {
    const listed = new Set(MATRIX.map((e) => `${e.method} ${e.file}`));
    const missing = routes.map((r) => `${r.method} ${r.file}`).filter((k) => !listed.has(k));
    expect(
      missing,
      'admin routes missing from the role matrix in app/api/admin/role-matrix.int.test.ts',
    ).toEqual([]);
    const stale = [...listed].filter((k) => !routes.some((r) => `${r.method} ${r.file}` === k));
    expect(stale, 'matrix entries without a route').toEqual([]);
  });

  it('refuses anonymous callers with 401 and plain users with 403 on every admin route', async () => {
    const target = await createTestUser();
    for (const route of routes) {
      const entry = MATRIX.find((e) => e.file === route.file && e.method === route.method);
      const id = target._id.toString();
      const req = entry
        ? entry.request(id)
        : {
            path: `/api/admin/${route.file.replace(/\/?route\.ts$/, '').replace(/\[[^\]]+\]/g, id)}`,
            params: { id },
          };
      const anonymous = await callRoute(route.handler, req.path, {
        method: route.method,
        params: req.params,
        body: req.body,
      });
      expect(anonymous.status, `${route.method} ${route.file} anonymous`).toBe(401);
      expectEnvelope(anonymous.body, 'unauthorized');
      const user = await callRoute(route.handler, req.path, {
        method: route.method,
        params: req.params,
        body: req.body,
        token: actors.user.token,
      });
      expect(user.status, `${route.method} ${route.file} as user`).toBe(403);
      expectEnvelope(user.body, 'forbidden');
    }
  });

  for (const entry of MATRIX) {
    for (const role of ROLES) {
      const allowed = (PERMISSIONS[entry.permission] as readonly Role[]).includes(role);
      it(`${entry.method} ${entry.file} as ${role} → ${allowed ? 'allowed' : '403'}`, async () => {
        const route = routes.find((r) => r.file === entry.file && r.method === entry.method);
        expect(route, `${entry.file} exports ${entry.method}`).toBeDefined();
        const target = await createTestUser();
        const targetId = entry.target
          ? await entry.target(target._id.toString())
          : target._id.toString();
        const req = entry.request(targetId);
        const res = await callRoute(route!.handler, req.path, {
          method: entry.method,
          params: req.params,
          body: req.body,
          token: actors[role].token,
        });
        if (allowed) {
          expect(res.status, JSON.stringify(res.body)).toBe(200);
        } else {
          expect(res.status).toBe(403);
          expectEnvelope(res.body, 'forbidden');
        }
        expect(res.headers.get('cache-control')).toContain('no-store');
      });
    }
  }
});
