import { beforeEach, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ApiKey } from '@/models';
import { Organization } from '@/models/organization';
import { WidgetEvent } from '@/models/widget-event';
import { generateApiKey } from '@/lib/apikeys';
import { resetRateLimits } from '@/lib/rate-limit';
import { callRoute } from '@/lib/testing/session-request';
import * as eventsRoute from '@/app/api/widget/events/route';
import { listWidgetEvents } from './list-widget-events';
import { recordWidgetEvent } from './record-widget-event';
import { summarizeWidgetEvents } from './summarize-widget-events';
import { decodeCursor } from '@/lib/db/keyset';

const SHOP = 'http://127.0.0.1:3601';

let orgCount = 0;

/** An organisation of its own (active unless said otherwise). */
async function organization(status: 'active' | 'suspended' = 'active'): Promise<Types.ObjectId> {
  orgCount += 1;
  const org = await Organization.create({
    name: `Shop ${orgCount}`,
    slug: `shop-${orgCount}-${Date.now().toString(36)}`,
    status,
    createdBy: new Types.ObjectId(),
  });
  return org._id;
}

/** A publishable key of `orgId` as the widget's key management stores it. */
async function publishableKey(
  orgId: Types.ObjectId,
  over: { allowedOrigins?: string[]; revokedAt?: Date; kind?: 'secret' | 'publishable' } = {},
) {
  const kind = over.kind ?? 'publishable';
  const { key, prefix, keyHash } = generateApiKey(kind);
  const doc = await ApiKey.create({
    userId: orgId,
    name: 'Shop widget',
    prefix,
    keyHash,
    kind,
    allowedOrigins: over.allowedOrigins ?? [SHOP],
    ...(over.revokedAt ? { revokedAt: over.revokedAt } : {}),
  });
  return { key, keyId: doc._id };
}

const vid = (n: number) => `visitor-${String(n).padStart(4, '0')}`;

beforeEach(() => resetRateLimits());

describe('recordWidgetEvent and listWidgetEvents', () => {
  it("lists one organisation's events newest first by cursor, filtered by type", async () => {
    const orgId = new Types.ObjectId();
    const other = new Types.ObjectId();
    const keyId = new Types.ObjectId();
    const t0 = Date.UTC(2026, 10, 2, 10, 0, 0);
    for (let i = 0; i < 5; i++)
      await recordWidgetEvent({
        orgId,
        keyId,
        vid: vid(i),
        type: i % 2 ? 'refused' : 'open',
        sku: 'TEE-1',
        ...(i % 2 ? { reason: 'widget_quota_exceeded' } : {}),
        origin: SHOP,
        at: new Date(t0 + i * 1000),
      });
    await recordWidgetEvent({ orgId: other, keyId, vid: vid(9), type: 'open', at: new Date(t0) });

    const first = await listWidgetEvents({ orgId: orgId.toString(), limit: 2 });
    expect(first.rows.map((r) => r.vid)).toEqual([vid(4), vid(3)]);
    expect(first.hasMore).toBe(true);
    const second = await listWidgetEvents({
      orgId: orgId.toString(),
      limit: 10,
      startingAfter: decodeCursor('widget_events', first.nextCursor ?? ''),
    });
    expect(second.rows.map((r) => r.vid)).toEqual([vid(2), vid(1), vid(0)]);
    expect(second.hasMore).toBe(false);

    const refused = await listWidgetEvents({ orgId: orgId.toString(), type: 'refused', limit: 10 });
    expect(refused.rows.map((r) => [r.vid, r.reason])).toEqual([
      [vid(3), 'widget_quota_exceeded'],
      [vid(1), 'widget_quota_exceeded'],
    ]);
    const ranged = await listWidgetEvents({
      orgId: orgId.toString(),
      from: new Date(t0 + 1000),
      to: new Date(t0 + 2000),
      limit: 10,
    });
    expect(ranged.rows.map((r) => r.vid)).toEqual([vid(2), vid(1)]);
  });
});

describe('summarizeWidgetEvents', () => {
  it('counts events, refusals by reason, and try-on sessions with and without an add-to-cart', async () => {
    const orgId = new Types.ObjectId();
    const keyId = new Types.ObjectId();
    const at = new Date(Date.UTC(2026, 10, 3, 12));
    const ev = (
      n: number,
      type: Parameters<typeof recordWidgetEvent>[0]['type'],
      sku?: string,
      reason?: string,
    ) =>
      recordWidgetEvent({
        orgId,
        keyId,
        vid: vid(n),
        type,
        at,
        ...(sku ? { sku } : {}),
        ...(reason ? { reason } : {}),
      });
    // Visitor 1 tries the tee twice and buys it; visitor 2 tries the dress and buys the tee;
    // visitor 3 tries the tee and leaves; visitor 4 buys the dress without trying anything on.
    await ev(1, 'open', 'TEE');
    await ev(1, 'tryon_completed', 'TEE');
    await ev(1, 'tryon_completed', 'TEE');
    await ev(1, 'add_to_cart', 'TEE');
    await ev(2, 'tryon_completed', 'DRESS');
    await ev(2, 'add_to_cart', 'TEE');
    await ev(3, 'tryon_completed', 'TEE');
    await ev(4, 'add_to_cart', 'DRESS');
    await ev(5, 'refused', 'TEE', 'widget_quota_exceeded');
    await ev(6, 'refused', 'TEE', 'widget_quota_exceeded');
    await ev(7, 'refused', undefined, 'spend_cap_reached');
    // Outside the period, and another organisation: not counted.
    await recordWidgetEvent({
      orgId,
      keyId,
      vid: vid(8),
      type: 'add_to_cart',
      sku: 'TEE',
      at: new Date(Date.UTC(2026, 10, 1)),
    });
    await recordWidgetEvent({
      orgId: new Types.ObjectId(),
      keyId,
      vid: vid(1),
      type: 'tryon_completed',
      sku: 'TEE',
      at,
    });

    const summary = await summarizeWidgetEvents({
      orgId: orgId.toString(),
      from: new Date(Date.UTC(2026, 10, 3)),
      to: new Date(Date.UTC(2026, 10, 3, 23, 59, 59, 999)),
    });
    expect(summary.counts).toEqual({
      open: 1,
      tryon_created: 0,
      tryon_completed: 4,
      add_to_cart: 3,
      refused: 3,
    });
    expect(summary.refusals).toEqual([
      { reason: 'widget_quota_exceeded', count: 2 },
      { reason: 'spend_cap_reached', count: 1 },
    ]);
    expect(summary.conversion).toEqual({
      tryonSessions: 3,
      tryonSessionsWithCart: 2,
      tryonSessionsWithoutCart: 1,
      cartSessionsWithoutTryon: 1,
    });
    expect(summary.bySku).toEqual([
      { sku: 'TEE', tryonSessions: 2, addedToCart: 1 },
      { sku: 'DRESS', tryonSessions: 1, addedToCart: 0 },
    ]);
  });
});

describe('POST /api/widget/events', () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    callRoute(eventsRoute.POST, '/api/widget/events', {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: SHOP, ...headers },
    });

  it('records an add-to-cart from an allowed origin (text/plain beacon) and answers 204 with CORS for that origin only', async () => {
    const orgId = await organization();
    const { key, keyId } = await publishableKey(orgId, {
      allowedOrigins: ['https://shop.example', SHOP],
    });
    const res = await post({ key, type: 'add_to_cart', sku: 'TEE-1', vid: vid(1) });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('vary')).toContain('Origin');
    const json = await post(
      { key, type: 'add_to_cart', sku: 'TEE-2', vid: vid(1) },
      { 'content-type': 'application/json' },
    );
    expect(json.status).toBe(204);
    const stored = await WidgetEvent.find({ orgId }).sort({ sku: 1 }).lean();
    expect(stored.map((e) => [e.type, e.sku, e.vid, e.origin, e.keyId.toString()])).toEqual([
      ['add_to_cart', 'TEE-1', vid(1), SHOP, keyId.toString()],
      ['add_to_cart', 'TEE-2', vid(1), SHOP, keyId.toString()],
    ]);
  });

  it('refuses other origins, no origin, revoked, non-publishable keys and suspended organisations — without CORS and without recording', async () => {
    const orgId = await organization();
    const { key } = await publishableKey(orgId);
    const revoked = await publishableKey(orgId, { revokedAt: new Date() });
    const secretKind = await publishableKey(orgId, { kind: 'secret' });
    const suspended = await publishableKey(await organization('suspended'));
    const event = { type: 'add_to_cart', sku: 'TEE', vid: vid(2) };
    const cases = [
      await post({ key, ...event }, { origin: 'https://evil.example' }),
      await post({ key, ...event }, { origin: 'http://127.0.0.1:3602' }),
      await callRoute(eventsRoute.POST, '/api/widget/events', {
        method: 'POST',
        body: { key, ...event },
        headers: { 'content-type': 'text/plain' },
      }),
      await post({ key: revoked.key, ...event }),
      await post({ key: secretKind.key, ...event }),
      await post({ key: `pk_live_${'x'.repeat(32)}`, ...event }),
      await post({ key: generateApiKey().key, ...event }),
      await post({ key: suspended.key, ...event }),
    ];
    for (const res of cases) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'widget_unavailable' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    const reasons = cases.map(
      (c) => (c.body as { error: { details: { reason: string } } }).error.details.reason,
    );
    expect(reasons).toEqual([
      'origin',
      'origin',
      'origin',
      'key',
      'key',
      'key',
      'key',
      'organization',
    ]);
    expect(await WidgetEvent.countDocuments({ orgId })).toBe(0);
  });

  it('accepts only add_to_cart from a store page, and refuses malformed beacons', async () => {
    const orgId = await organization();
    const { key } = await publishableKey(orgId);
    // The widget's own events are recorded by the server: a page cannot forge them.
    for (const type of ['tryon_completed', 'open', 'refused'])
      expect((await post({ key, type, sku: 'TEE', vid: vid(3) })).status).toBe(400);
    expect((await post({ key, type: 'add_to_cart', sku: 'TEE', vid: 'short' })).status).toBe(400);
    expect((await post({ key, type: 'add_to_cart', sku: '', vid: vid(3) })).status).toBe(400);
    expect(
      (await post({ key, type: 'add_to_cart', sku: 'x'.repeat(101), vid: vid(3) })).status,
    ).toBe(400);
    const form = await post(
      { key, type: 'add_to_cart', sku: 'TEE', vid: vid(3) },
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(form.status).toBe(415);
    const big = await post({
      key,
      type: 'add_to_cart',
      sku: 'TEE',
      vid: vid(3),
      pad: 'x'.repeat(3000),
    });
    expect(big.status).toBe(413);
    const res = await eventsRoute.POST(
      new (await import('next/server')).NextRequest('http://localhost:3000/api/widget/events', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: SHOP },
        body: '{not json',
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(400);
    expect(await WidgetEvent.countDocuments({ orgId })).toBe(0);
  });

  it('limits beacons per client: the 61st in a minute is refused with 429', async () => {
    const orgId = await organization();
    const { key } = await publishableKey(orgId);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push((await post({ key, type: 'add_to_cart', sku: `S${i}`, vid: vid(4) })).status);
    expect(statuses.slice(0, 60).every((s) => s === 204)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect(await WidgetEvent.countDocuments({ orgId })).toBe(60);
  });
});
