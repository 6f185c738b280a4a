import { describe, expect, it, vi } from 'vitest';

// Audit entries record the client IP rate limits trust: two proxies in front (client, proxy 1 → proxy 2): the client is 2nd from the right.
vi.hoisted(() => {
  process.env.TRUSTED_PROXY_HOPS = '2';
});
import { AuditLog, User } from '@/models';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import * as suspendRoute from '@/app/api/admin/users/[id]/suspend/route';
import * as auditRoute from '@/app/api/admin/audit-logs/route';
import { listAuditLogs, listAuditLogsQuery } from '@/lib/audit';
import { changeUserRole, searchUsers, searchUsersQuery, suspendUser, unsuspendUser } from './index';

const actorOf = (u: {
  _id: { toString(): string };
  email: string;
  role: 'user' | 'support_admin' | 'finance_admin' | 'super_admin';
}) => ({
  userId: u._id.toString(),
  email: u.email,
  role: u.role,
});

describe('admin user actions', () => {
  it('suspends through the API and records a complete audit entry', async () => {
    const admin = await createTestUser({ role: 'support_admin' });
    const target = await createTestUser();
    const id = target._id.toString();
    const res = await callRoute(suspendRoute.POST, `/api/admin/users/${id}/suspend`, {
      method: 'POST',
      token: await sessionToken(admin),
      params: { id },
      body: { reason: 'Repeated abuse reports' },
      headers: {
        'user-agent': 'AdminBrowser/1.0',
        'x-forwarded-for': '203.0.113.7, 10.0.0.1',
        'x-request-id': 'req-abc-123',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      changed: true,
      user: { id, status: 'suspended', suspended_reason: 'Repeated abuse reports' },
    });

    const entries = await AuditLog.find({ entityType: 'user', entityId: id }).lean();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: admin._id,
      actorEmail: admin.email,
      actorRole: 'support_admin',
      action: 'user.suspend',
      before: { status: 'active' },
      after: { status: 'suspended', suspended_reason: 'Repeated abuse reports' },
      reason: 'Repeated abuse reports',
      ip: '203.0.113.7',
      userAgent: 'AdminBrowser/1.0',
      requestId: 'req-abc-123',
    });

    // The audit API returns it, in snake_case, for the entity.
    const list = await callRoute(
      auditRoute.GET,
      `/api/admin/audit-logs?entity_type=user&entity_id=${id}`,
      { token: await sessionToken(admin) },
    );
    expect(list.body).toMatchObject({
      total: 1,
      data: [
        {
          action: 'user.suspend',
          actor: { email: admin.email },
          user_agent: 'AdminBrowser/1.0',
          request_id: 'req-abc-123',
        },
      ],
    });
  });

  it('is idempotent: suspending twice changes and audits once', async () => {
    const admin = actorOf(await createTestUser({ role: 'super_admin' }));
    const target = await createTestUser();
    const id = target._id.toString();
    expect((await suspendUser({ actor: admin, userId: id, reason: 'spam' })).changed).toBe(true);
    expect((await suspendUser({ actor: admin, userId: id, reason: 'spam' })).changed).toBe(false);
    expect(
      (await unsuspendUser({ actor: admin, userId: id, reason: 'appeal accepted' })).changed,
    ).toBe(true);
    expect((await unsuspendUser({ actor: admin, userId: id })).changed).toBe(false);
    const actions = (await AuditLog.find({ entityId: id }).sort({ createdAt: 1 }).lean()).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['user.suspend', 'user.unsuspend']);
    expect((await User.findById(id).lean())?.suspendedReason).toBeUndefined();
  });

  it('refuses self-suspension, and support admins suspending admins', async () => {
    const support = await createTestUser({ role: 'support_admin' });
    const finance = await createTestUser({ role: 'finance_admin' });
    await expect(
      suspendUser({ actor: actorOf(support), userId: support._id.toString(), reason: 'oops' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(
      suspendUser({ actor: actorOf(support), userId: finance._id.toString(), reason: 'nope' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const superAdmin = actorOf(await createTestUser({ role: 'super_admin' }));
    expect(
      (
        await suspendUser({
          actor: superAdmin,
          userId: finance._id.toString(),
          reason: 'left the company',
        })
      ).changed,
    ).toBe(true);
  });

  it('changes roles (super admin only, never their own) with before/after in the audit log', async () => {
    const superAdmin = actorOf(await createTestUser({ role: 'super_admin' }));
    const support = actorOf(await createTestUser({ role: 'support_admin' }));
    const target = await createTestUser();
    const id = target._id.toString();
    await expect(
      changeUserRole({ actor: support, userId: id, role: 'super_admin' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      changeUserRole({ actor: superAdmin, userId: superAdmin.userId, role: 'user' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    const result = await changeUserRole({
      actor: superAdmin,
      userId: id,
      role: 'finance_admin',
      reason: 'joined finance',
      meta: { ip: '198.51.100.2' },
    });
    expect(result.user.role).toBe('finance_admin');
    const entry = await AuditLog.findOne({ entityId: id, action: 'user.role_change' }).lean();
    expect(entry).toMatchObject({
      before: { role: 'user' },
      after: { role: 'finance_admin' },
      reason: 'joined finance',
      ip: '198.51.100.2',
      actorRole: 'super_admin',
    });
    const page = await listAuditLogs(listAuditLogsQuery.parse({ action: 'user.role_change' }));
    expect(page.entries.map((e) => e.entityId)).toContain(id);
  });
});

describe('searchUsers', () => {
  it('finds people by part of their email or name, filters, and paginates newest first', async () => {
    for (let i = 0; i < 5; i += 1) {
      await User.create({
        email: `shopper${i}@search.test`,
        name: `Shopper Number ${i}`,
        role: 'user',
      });
      await new Promise((r) => setTimeout(r, 3));
    }
    await User.create({ email: 'ana.lima@other.test', name: 'Ana Lima', role: 'support_admin' });
    await User.create({
      email: 'weird+(tag)@other.test',
      name: 'Regex [chars]',
      status: 'suspended',
    });

    expect(
      (await searchUsers(searchUsersQuery.parse({ q: 'ANA.LIMA' }))).users.map((u) => u.email),
    ).toEqual(['ana.lima@other.test']);
    expect((await searchUsers(searchUsersQuery.parse({ q: 'lima' }))).total).toBe(1);
    expect((await searchUsers(searchUsersQuery.parse({ q: '+(tag)' }))).total).toBe(1);
    expect((await searchUsers(searchUsersQuery.parse({ q: '[chars]' }))).total).toBe(1);
    expect(
      (await searchUsers(searchUsersQuery.parse({ q: 'other.test', status: 'suspended' }))).total,
    ).toBe(1);
    expect(
      (await searchUsers(searchUsersQuery.parse({ q: 'other.test', role: 'support_admin' }))).total,
    ).toBe(1);

    const page1 = await searchUsers(
      searchUsersQuery.parse({ q: 'search.test', limit: '2', page: '1' }),
    );
    const page3 = await searchUsers(
      searchUsersQuery.parse({ q: 'search.test', limit: '2', page: '3' }),
    );
    expect(page1.total).toBe(5);
    expect(page1.users.map((u) => u.email)).toEqual([
      'shopper4@search.test',
      'shopper3@search.test',
    ]);
    expect(page3.users.map((u) => u.email)).toEqual(['shopper0@search.test']);
  });
});
