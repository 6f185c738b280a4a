import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Types } from 'mongoose';
import { grantPurchasedCredits, refundUsage, spendCredits } from '@/lib/credits';
import { Organization, TryonJob, User, WidgetEvent } from '@/models';
import type { JobStatus } from '@/models/tryon-job';
import { addDays, dayOf } from './days';
import { getOrgDashboard } from './get-org-dashboard';
import { orgDashboardCsv } from './org-dashboard-csv';

/**
 * Known facts of two organisations on known days, written through the
 * ledger and the job and widget-event models with the clock set to those
 * days; the dashboard of one must report exactly its own, never the other's.
 */
const today = dayOf(new Date());
const D1 = addDays(today, -2);
const D2 = addDays(today, -1);
const at = (day: string, time: string) => new Date(`${day}T${time}Z`);

async function atTime<T>(when: Date, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(when);
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

let orgA = '';
let orgB = '';
const keyId = new Types.ObjectId();

async function org(slug: string): Promise<string> {
  const creator = await User.create({ email: `${slug}@dash.test`, provider: 'dev' });
  const o = await Organization.create({ name: slug, slug, createdBy: creator._id });
  const id = o._id.toString();
  await grantPurchasedCredits({
    userId: id,
    credits: 100,
    idempotencyKey: `purchase:dash-${id}`,
    description: 'Pack',
    referenceType: 'payment',
    actor: { type: 'system' },
  });
  return id;
}

/** A try-on of an organisation (with its SKU when from the catalog), charged and refunded as the engine does. */
async function job(ownerId: string, status: JobStatus, credits: number, sku?: string) {
  const _id = new Types.ObjectId();
  // Inserted as the engine stores it (sku is the catalog's field on jobs).
  await TryonJob.collection.insertOne({
    _id,
    userId: new Types.ObjectId(ownerId),
    source: { kind: 'widget' },
    mode: 'top',
    status,
    inputs: { userImageId: new Types.ObjectId(), topImageId: new Types.ObjectId() },
    creditsUsed: credits,
    clientKey: `${ownerId}:auto:${_id.toString()}`,
    queuedAt: new Date(),
    createdAt: new Date(),
    updatedAt: new Date(),
    ...(sku ? { sku } : {}),
  });
  await spendCredits({
    userId: ownerId,
    credits,
    idempotencyKey: `usage:${_id.toString()}`,
    description: 'Try-on',
    referenceType: 'tryon_job',
    referenceId: _id.toString(),
    actor: { type: 'system' },
  });
  if (status === 'failed')
    await refundUsage({
      userId: ownerId,
      usageKey: `usage:${_id.toString()}`,
      idempotencyKey: `refund:${_id.toString()}`,
      description: 'Refund',
      referenceId: _id.toString(),
      actor: { type: 'system' },
    });
}

async function event(
  orgId: string,
  type: 'tryon_completed' | 'add_to_cart' | 'refused' | 'open',
  vid: string,
  extra: { sku?: string; reason?: string; origin?: string } = {},
) {
  await WidgetEvent.create({ orgId, keyId, vid, type, ...extra });
}

beforeAll(async () => {
  orgA = await org('dash-a');
  orgB = await org('dash-b');
  await atTime(at(D1, '10:00:00'), async () => {
    await job(orgA, 'completed', 1, 'TEE-1');
    await job(orgA, 'completed', 2, 'DRESS-1');
    await job(orgA, 'failed', 1, 'TEE-1');
    await job(orgB, 'completed', 1, 'OTHER');
    await event(orgA, 'tryon_completed', 'v1', { sku: 'TEE-1' });
    await event(orgA, 'refused', 'v9', {
      reason: 'widget_quota_exceeded',
      origin: 'https://shop.test',
    });
  });
  await atTime(at(D1, '10:05:00'), async () => {
    await event(orgA, 'add_to_cart', 'v1', { sku: 'TEE-1' });
    await event(orgA, 'add_to_cart', 'v2', { sku: 'TEE-1' });
  });
  await atTime(at(D2, '23:59:59'), async () => {
    await job(orgA, 'completed', 1, 'TEE-1');
    await job(orgA, 'queued', 1);
    await event(orgA, 'tryon_completed', 'v3');
    await event(orgA, 'refused', 'v9', { reason: 'spend_cap_reached' });
    await event(orgB, 'add_to_cart', 'v3');
  });
  await atTime(at(D2, '23:59:58'), async () => {
    await event(orgA, 'refused', 'v8', { reason: 'widget_quota_exceeded' });
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('getOrgDashboard', () => {
  it('reports the organisation’s try-ons and credits per day, and nothing of another organisation', async () => {
    const d = await getOrgDashboard(orgA, 7);
    expect(d.days).toHaveLength(7);
    expect(d.days.at(-1)).toBe(today);
    const byDay = Object.fromEntries(d.series.map((p) => [p.day, p]));
    expect(byDay[D1]).toEqual({ day: D1, tryons: 3, completed: 2, failed: 1, creditsUsed: 3 });
    expect(byDay[D2]).toEqual({ day: D2, tryons: 2, completed: 1, failed: 0, creditsUsed: 2 });
    expect(byDay[today]).toEqual({
      day: today,
      tryons: 0,
      completed: 0,
      failed: 0,
      creditsUsed: 0,
    });
    expect(d.totals).toEqual({ tryons: 5, completed: 3, failed: 1, creditsUsed: 5 });
  });

  it('ranks products by try-ons, with their completed count', async () => {
    const d = await getOrgDashboard(orgA, 7);
    expect(d.products).toEqual([
      { sku: 'TEE-1', tryons: 3, completed: 2 },
      { sku: 'DRESS-1', tryons: 1, completed: 1 },
    ]);
  });

  it('takes the conversion signal and refusals from the widget events', async () => {
    const d = await getOrgDashboard(orgA, 7);
    // v1 and v3 saw a result; v1 added to the cart; v2 added to the cart without a try-on.
    // (v3's add-to-cart event belongs to the other organisation.)
    expect(d.widget.conversion).toEqual({
      tryonSessions: 2,
      tryonSessionsWithCart: 1,
      tryonSessionsWithoutCart: 1,
      cartSessionsWithoutTryon: 1,
    });
    expect(d.widget.refusals).toEqual([
      { reason: 'widget_quota_exceeded', count: 2 },
      { reason: 'spend_cap_reached', count: 1 },
    ]);
    expect(d.recentRefusals.map((r) => r.reason)).toEqual([
      'spend_cap_reached',
      'widget_quota_exceeded',
      'widget_quota_exceeded',
    ]);
    expect(d.recentRefusals[2]).toMatchObject({ origin: 'https://shop.test', sku: null });
  });

  it('leaves days outside the range out', async () => {
    const d = await getOrgDashboard(orgA, 1);
    expect(d.totals.tryons).toBe(0);
    expect(d.recentRefusals).toEqual([]);
    expect(d.widget.conversion.tryonSessions).toBe(0);
  });

  it('exports the same figures as CSV', async () => {
    const csv = orgDashboardCsv(await getOrgDashboard(orgA, 7), 'days');
    expect(csv).toContain(`${D1},3,2,1,0.6667,3\r\n`);
    expect(csv).toContain(`${D2},2,1,0,1.0000,2\r\n`);
  });

  it('shows the other organisation only its own', async () => {
    const d = await getOrgDashboard(orgB, 7);
    expect(d.totals).toEqual({ tryons: 1, completed: 1, failed: 0, creditsUsed: 1 });
    expect(d.products).toEqual([{ sku: 'OTHER', tryons: 1, completed: 1 }]);
    expect(d.widget.conversion).toMatchObject({ tryonSessions: 0, cartSessionsWithoutTryon: 1 });
    expect(d.recentRefusals).toEqual([]);
  });
});
