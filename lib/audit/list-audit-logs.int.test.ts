import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { createTestUser } from '@/lib/testing/session-request';
import { AuditLog } from '@/models';
import { hasAuditLogs, listAuditLogs } from './list-audit-logs';
import { recordAudit } from './record-audit';
import { listAuditLogsQuery } from './schemas';

describe('listAuditLogs filters', () => {
  it('says whether anything was ever recorded, then filters by action substring, actor and date', async () => {
    expect(await hasAuditLogs()).toBe(false);
    const ana = await createTestUser({ role: 'support_admin', email: 'ana.audit@example.test' });
    const bo = await createTestUser({ role: 'super_admin', email: 'bo.audit@example.test' });
    const actor = (u: typeof ana) => ({ userId: u._id.toString(), email: u.email, role: u.role });
    await recordAudit({
      actor: actor(ana),
      action: 'user.suspend',
      entity: { type: 'user', id: 'x1' },
    });
    await recordAudit({
      actor: actor(ana),
      action: 'user.unsuspend',
      entity: { type: 'user', id: 'x1' },
    });
    await recordAudit({
      actor: actor(bo),
      action: 'credits.adjust',
      entity: { type: 'user', id: 'x2' },
    });
    const old = await recordAudit({
      actor: actor(bo),
      action: 'prompt.activate',
      entity: { type: 'prompt', id: 'system:v2' },
    });
    await AuditLog.collection.updateOne(
      { _id: new Types.ObjectId(old.id) },
      { $set: { createdAt: new Date('2026-01-05T12:00:00Z') } },
    );
    expect(await hasAuditLogs()).toBe(true);

    const actions = async (q: Record<string, string>) =>
      (await listAuditLogs(listAuditLogsQuery.parse(q))).entries.map((e) => e.action).sort();

    // A substring, any case: "suspend" finds suspend and unsuspend.
    expect(await actions({ action: 'SUSPEND' })).toEqual(['user.suspend', 'user.unsuspend']);
    expect(await actions({ action: 'user.' })).toEqual(['user.suspend', 'user.unsuspend']);
    // Regex characters are literal.
    expect(await actions({ action: '.*' })).toEqual([]);
    // The actor by part of the email, or by id.
    expect(await actions({ actor: 'bo.audit' })).toEqual(['credits.adjust', 'prompt.activate']);
    expect(await actions({ actor: ana._id.toString() })).toEqual([
      'user.suspend',
      'user.unsuspend',
    ]);
    // A date range: whole UTC days.
    expect(await actions({ date_from: '2026-01-05', date_to: '2026-01-05' })).toEqual([
      'prompt.activate',
    ]);
    expect(await actions({ actor: 'bo.audit', date_to: '2026-01-04' })).toEqual([]);
    expect(
      listAuditLogsQuery.safeParse({ date_from: '2026-02-01', date_to: '2026-01-01' }).success,
    ).toBe(false);
  });
});
