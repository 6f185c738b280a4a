import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { Types } from 'mongoose';
import { AppError } from '@/lib/errors';
import { adjustCredits, grantPurchasedCredits, listTransactionsByCursor } from '@/lib/credits';
import { createTestUser, sessionToken } from '@/lib/testing/session-request';
import { listTryonJobs, listTryonJobsByCursor, listTryonQuerySchema } from '@/lib/tryon';
import { listWebhookDeliveries, listDeliveriesQuery } from '@/lib/webhooks';
import { CreditTransaction } from '@/models';
import { TryonJob } from '@/models/tryon-job';
import { WebhookDelivery } from '@/models/webhook-delivery';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { GET as listTryonRoute } from '@/app/api/v1/tryon/route';
import { GET as transactionsRoute } from '@/app/api/v1/credits/transactions/route';
import { GET as deliveriesRoute } from '@/app/api/v1/webhooks/[id]/deliveries/route';
import { encodeCursor } from './keyset';

// Keyset (cursor) pages of the three owner listings against the real
// database: every row once and in order while rows are inserted between
// pages, ties on createdAt broken by _id, nobody else's rows, and a cursor
// that is not one the list issued refused with 400 invalid_cursor.

const none = { params: Promise.resolve({}) } as never;

/** A real user; with `paid`, that many purchased credits through the ledger. */
async function makeUser(opts: { paid?: number } = {}): Promise<string> {
  const id = (await createTestUser())._id.toString();
  if (opts.paid)
    await grantPurchasedCredits({
      userId: id,
      credits: opts.paid,
      idempotencyKey: `purchase:keyset-${id}`,
      description: 'fixture purchase',
      referenceType: 'payment',
      actor: { type: 'system' },
    });
  return id;
}

/** The session cookie header of a user (the route runs its full caller resolution). */
async function cookieOf(userId: string): Promise<Record<string, string>> {
  const token = await sessionToken({
    _id: new Types.ObjectId(userId),
    email: `keyset-${userId}@example.test`,
    role: 'user',
  });
  return { cookie: `next-auth.session-token=${token}` };
}
const T0 = new Date('2026-06-01T12:00:00.000Z');

/** `n` jobs of one user, `tie` of them sharing each createdAt (so _id must order them). */
async function insertJobs(userId: string, n: number, opts: { at?: Date; tie?: number } = {}) {
  const at = opts.at ?? T0;
  const tie = opts.tie ?? 1;
  const docs = Array.from({ length: n }, (_, i) => {
    const createdAt = new Date(at.getTime() + Math.floor(i / tie) * 1000);
    const _id = new Types.ObjectId();
    return {
      _id,
      userId: new Types.ObjectId(userId),
      source: { kind: 'web' },
      mode: 'top',
      status: 'completed',
      inputs: { userImageId: new Types.ObjectId(), topImageId: new Types.ObjectId() },
      creditsUsed: 1,
      clientKey: `${userId}:auto:${_id.toString()}`,
      favorite: false,
      retryCount: 0,
      queuedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
    };
  });
  await TryonJob.collection.insertMany(docs);
  return docs.map((d) => d._id.toString());
}

const query = (q: Record<string, string>) => listTryonQuerySchema.parse(q);

async function walkJobs(userId: string, limit: number, between?: () => Promise<void>) {
  const seen: string[] = [];
  let cursor: string | null | undefined;
  let first = true;
  for (let guard = 0; guard < 100; guard++) {
    const page = first
      ? await listTryonJobs(userId, query({ limit: String(limit) }))
      : await listTryonJobsByCursor(
          userId,
          query({ limit: String(limit), starting_after: cursor ?? '' }),
        );
    first = false;
    seen.push(...page.data.map((j) => j.id));
    if (!page.has_more) {
      expect(page.next_cursor).toBeNull();
      break;
    }
    expect(page.data).toHaveLength(limit);
    cursor = page.next_cursor;
    expect(typeof cursor).toBe('string');
    await between?.();
  }
  return seen;
}

describe('GET /tryon by cursor', () => {
  it('walks every job once, newest first, ties on createdAt ordered by _id', async () => {
    const userId = await makeUser();
    const ids = await insertJobs(userId, 23, { tie: 3 });
    const seen = await walkJobs(userId, 5);
    const expected = (await TryonJob.find({ userId }).sort({ createdAt: -1, _id: -1 }).lean()).map(
      (j) => j._id.toString(),
    );
    expect(seen).toEqual(expected);
    expect(new Set(seen)).toEqual(new Set(ids));
  });

  it('stays stable while new jobs arrive between pages (no row twice, none skipped)', async () => {
    const userId = await makeUser();
    const before = await insertJobs(userId, 17, { tie: 2 });
    let k = 0;
    const seen = await walkJobs(userId, 4, async () => {
      // Newer jobs (and one landing at the same instant as the newest) arrive mid-walk.
      k += 1;
      await insertJobs(userId, 2, { at: new Date(Date.now() + k * 1000) });
    });
    expect(seen).toHaveLength(17);
    expect(new Set(seen)).toEqual(new Set(before));
  });

  it("never shows another user's jobs, even with their cursor", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    await insertJobs(alice, 6);
    const bobs = await insertJobs(bob, 6);
    const alicePage = await listTryonJobs(alice, query({ limit: '3' }));
    // Bob passes Alice's cursor: he gets his own jobs older than that position, nothing of hers.
    const page = await listTryonJobsByCursor(
      bob,
      query({ limit: '10', starting_after: alicePage.next_cursor ?? '' }),
    );
    expect(page.data.every((j) => bobs.includes(j.id))).toBe(true);
    expect(page.data.length).toBeGreaterThan(0);
  });

  it('pages back with ending_before to the page before', async () => {
    const userId = await makeUser();
    await insertJobs(userId, 12);
    const p1 = await listTryonJobs(userId, query({ limit: '4' }));
    const p2 = await listTryonJobsByCursor(
      userId,
      query({ limit: '4', starting_after: p1.next_cursor ?? '' }),
    );
    const firstOfP2 = encodeCursor('tryon', {
      value: new Date(p2.data[0]?.created_at ?? 0),
      id: p2.data[0]?.id ?? '',
    });
    const back = await listTryonJobsByCursor(
      userId,
      query({ limit: '4', ending_before: firstOfP2 }),
    );
    expect(back.data.map((j) => j.id)).toEqual(p1.data.map((j) => j.id));
    expect(back.has_more).toBe(false);
    expect(back.page).toBeUndefined();
    expect(back.total).toBeUndefined();
  });

  it('answers 400 invalid_cursor (or validation_error for a malformed one) through the route', async () => {
    const userId = await makeUser();
    const auth = await cookieOf(userId);
    const ledgerCursor = encodeCursor('ledger', { value: 3, id: `${userId}:3` });
    const notObjectId = encodeCursor('tryon', { value: T0, id: 'nope' });
    const garbage = Buffer.from('{"l":"tryon"}').toString('base64url');
    for (const [cursor, code] of [
      [ledgerCursor, 'invalid_cursor'],
      [notObjectId, 'invalid_cursor'],
      [garbage, 'invalid_cursor'],
      ['bm90LWpzb24', 'invalid_cursor'],
      ['has spaces', 'validation_error'],
    ] as const) {
      const res = await listTryonRoute(
        new NextRequest(
          `http://localhost/api/v1/tryon?starting_after=${encodeURIComponent(cursor)}`,
          { headers: auth },
        ),
        none,
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; details?: unknown } };
      expect(body.error.code).toBe(code);
      if (code === 'invalid_cursor')
        expect(body.error.details).toEqual({ param: 'starting_after' });
    }
    const both = await listTryonRoute(
      new NextRequest(
        `http://localhost/api/v1/tryon?starting_after=${ledgerCursor}&ending_before=${ledgerCursor}`,
        { headers: auth },
      ),
      none,
    );
    expect(both.status).toBe(400);
  });

  it('keeps page and total on a page by number, with next_cursor added', async () => {
    const userId = await makeUser();
    const auth = await cookieOf(userId);
    await insertJobs(userId, 5);
    const res = await listTryonRoute(
      new NextRequest('http://localhost/api/v1/tryon?limit=2&page=2', {
        headers: auth,
      }),
      none,
    );
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ page: 2, limit: 2, total: 5, has_more: true });
    expect(typeof body.next_cursor).toBe('string');
  });
});

describe('GET /credits/transactions by cursor', () => {
  it('walks the ledger by seq while entries are appended, and refuses a job cursor', async () => {
    const userId = await makeUser({ paid: 50 });
    const other = await makeUser({ paid: 7 });
    for (let i = 0; i < 9; i++)
      await adjustCredits({
        userId,
        credits: 1,
        idempotencyKey: `admin:keyset-${userId}-${i}`,
        description: `grant ${i}`,
        actor: { type: 'admin', id: new Types.ObjectId().toString() },
      });
    const auth = await cookieOf(userId);
    const get = async (qs: string) => {
      const res = await transactionsRoute(
        new NextRequest(`http://localhost/api/v1/credits/transactions?${qs}`, {
          headers: auth,
        }),
        none,
      );
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const first = await get('limit=4');
    // Everything in the ledger when the walk starts (the purchase, the grants, a daily top-up).
    const atStart = (
      await CreditTransaction.find({ userId: new Types.ObjectId(userId) })
        .sort({ seq: -1 })
        .lean()
    ).map((e) => String(e._id));
    expect(first.body).toMatchObject({ page: 1, limit: 4, has_more: true });
    const seqs = (first.body.data as Array<{ id: string }>).map((e) => e.id);
    let cursor = first.body.next_cursor as string | null;
    let n = 0;
    while (cursor) {
      // An entry appended mid-walk is newer than every cursor: it never shows up.
      await adjustCredits({
        userId,
        credits: 1,
        idempotencyKey: `admin:keyset-late-${userId}-${n++}`,
        description: 'late',
        actor: { type: 'admin', id: new Types.ObjectId().toString() },
      });
      const page = await get(`limit=4&starting_after=${cursor}`);
      expect(page.status).toBe(200);
      expect(page.body.page).toBeUndefined();
      expect(page.body.total).toBeUndefined();
      seqs.push(...(page.body.data as Array<{ id: string }>).map((e) => e.id));
      cursor = page.body.next_cursor as string | null;
    }
    // Exactly the entries present at the start, newest first, each once; nothing of the other user.
    expect(seqs).toEqual(atStart);
    expect(seqs.length).toBeGreaterThanOrEqual(10);
    expect(seqs.every((id) => id.startsWith(`${userId}:`))).toBe(true);
    void other;

    const jobCursor = encodeCursor('tryon', { value: T0, id: new Types.ObjectId().toString() });
    const bad = await get(`starting_after=${jobCursor}`);
    expect(bad.status).toBe(400);
    expect((bad.body.error as { code: string }).code).toBe('invalid_cursor');
  });

  it('a lib call with a foreign cursor throws AppError invalid_cursor', async () => {
    const userId = await makeUser();
    const cursor = encodeCursor('deliveries', { value: T0, id: new Types.ObjectId().toString() });
    await expect(
      listTransactionsByCursor(userId, { limit: 5, startingAfter: cursor }),
    ).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'invalid_cursor');
  });
});

describe('GET /webhooks/{id}/deliveries by cursor', () => {
  it("walks one endpoint's deliveries in order; another user's endpoint is 404", async () => {
    const userId = await makeUser();
    const endpoint = await WebhookEndpoint.create({
      userId,
      url: 'https://93.184.215.14/hook',
      secret: 'whsec_test',
      events: ['tryon.completed'],
    });
    const deliveries = Array.from({ length: 11 }, (_, i) => {
      const createdAt = new Date(T0.getTime() + Math.floor(i / 2) * 1000);
      return {
        _id: new Types.ObjectId(),
        endpointId: endpoint._id,
        userId: new Types.ObjectId(userId),
        messageId: `msg_${i}_${endpoint._id.toString()}`,
        eventType: 'tryon.completed',
        payload: { i },
        status: 'succeeded',
        attempts: [],
        test: false,
        createdAt,
        updatedAt: createdAt,
      };
    });
    await WebhookDelivery.collection.insertMany(deliveries);
    const seen: string[] = [];
    let page = await listWebhookDeliveries(
      userId,
      endpoint._id.toString(),
      listDeliveriesQuery.parse({ limit: '3' }),
    );
    seen.push(...page.data.map((d) => d.id));
    while (page.next_cursor) {
      page = await listWebhookDeliveries(
        userId,
        endpoint._id.toString(),
        listDeliveriesQuery.parse({ limit: '3', starting_after: page.next_cursor }),
      );
      seen.push(...page.data.map((d) => d.id));
    }
    const expected = [...deliveries]
      .sort(
        (a, b) =>
          b.createdAt.getTime() - a.createdAt.getTime() ||
          b._id.toString().localeCompare(a._id.toString()),
      )
      .map((d) => d._id.toString());
    expect(seen).toEqual(expected);

    const stranger = await makeUser();
    const auth = await cookieOf(stranger);
    const res = await deliveriesRoute(
      new NextRequest(
        `http://localhost/api/v1/webhooks/${endpoint._id.toString()}/deliveries?starting_after=${page.next_cursor ?? encodeCursor('deliveries', { value: T0, id: endpoint._id.toString() })}`,
        { headers: auth },
      ),
      { params: Promise.resolve({ id: endpoint._id.toString() }) } as never,
    );
    expect(res.status).toBe(404);
  });
});
