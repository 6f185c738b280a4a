import { describe, expect, it } from 'vitest';
import { ApiKey, CreditTransaction } from '@/models';
import { generateApiKey } from '@/lib/apikeys';
import { grantPurchasedCredits, spendCredits } from '@/lib/credits';
import {
  callRoute,
  createTestUser,
  sessionToken,
  testRequest,
} from '@/lib/testing/session-request';
import { GET as getCredits } from './route';
import { GET as getTransactions } from './transactions/route';

const sys = { type: 'system' } as const;

async function userWithHistory() {
  const user = await createTestUser();
  const userId = user._id.toString();
  await grantPurchasedCredits({
    userId,
    credits: 40,
    idempotencyKey: `purchase:api-${userId}`,
    description: 'Bought 40 credits',
    referenceType: 'payment',
    actor: sys,
  });
  for (let i = 0; i < 5; i += 1) {
    await spendCredits({
      userId,
      credits: 1,
      idempotencyKey: `usage:api-${userId}-${i}`,
      description: `Try-on ${i}`,
      referenceType: 'tryon_job',
      actor: sys,
    });
  }
  return { user, userId, token: await sessionToken(user) };
}

describe('GET /api/v1/credits', () => {
  it('returns the balance in snake_case, with no-store', async () => {
    const { token } = await userWithHistory();
    const res = await callRoute(getCredits, '/api/v1/credits', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({
      free_credits: 0,
      paid_credits: 38,
      total_credits: 38,
      daily_free_allowance: 3,
      costs: { top: 1, full: 2 },
    });
  });

  it('accepts an API key and refuses anonymous callers and revoked keys with the envelope', async () => {
    const { userId } = await userWithHistory();
    const { key, prefix, keyHash } = generateApiKey();
    const doc = await ApiKey.create({ userId, name: 'test', prefix, keyHash });
    expect((await callRoute(getCredits, '/api/v1/credits', { apiKey: key })).status).toBe(200);

    const anon = await callRoute(getCredits, '/api/v1/credits');
    expect(anon).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });

    await ApiKey.updateOne({ _id: doc._id }, { $set: { revokedAt: new Date() } });
    const revoked = await callRoute(getCredits, '/api/v1/credits', { apiKey: key });
    expect(revoked).toMatchObject({ status: 401, body: { error: { code: 'api_key_revoked' } } });
  });
});

describe('GET /api/v1/credits/transactions', () => {
  it('pages the ledger newest first and filters by type and date', async () => {
    const { token } = await userWithHistory();
    const first = await callRoute(getTransactions, '/api/v1/credits/transactions?limit=3', {
      token,
    });
    expect(first.status).toBe(200);
    const body = first.body as {
      data: Array<{ type: string; description: string; balance_after: number }>;
      total: number;
      has_more: boolean;
    };
    expect(body.total).toBe(7); // free top-up, purchase, 5 usages
    expect(body.has_more).toBe(true);
    expect(body.data.map((t) => t.description)).toEqual(['Try-on 4', 'Try-on 3', 'Try-on 2']);
    expect(body.data[0]?.balance_after).toBe(38);

    const usage = await callRoute(
      getTransactions,
      '/api/v1/credits/transactions?type=usage&limit=100',
      { token },
    );
    expect((usage.body as { total: number }).total).toBe(5);

    const today = new Date().toISOString().slice(0, 10);
    const ranged = await callRoute(
      getTransactions,
      `/api/v1/credits/transactions?date_from=${today}&date_to=${today}`,
      { token },
    );
    expect((ranged.body as { total: number }).total).toBe(7);
    const past = await callRoute(
      getTransactions,
      '/api/v1/credits/transactions?date_to=2020-01-01',
      { token },
    );
    expect((past.body as { total: number }).total).toBe(0);
  });

  it('refuses bad parameters with precise validation errors', async () => {
    const { token } = await userWithHistory();
    for (const q of [
      'limit=0',
      'limit=1000',
      'page=-1',
      'type=bonus',
      'date_from=yesterday',
      'date_from=2026-02-02&date_to=2026-01-01',
      // An empty value is not "absent": the document promises a date or a type.
      'date_to=',
      'type=',
      'page=',
    ]) {
      const res = await callRoute(getTransactions, `/api/v1/credits/transactions?${q}`, { token });
      expect(res.status, q).toBe(400);
      expect((res.body as { error: { code: string } }).error.code).toBe('validation_error');
    }
  });

  it('never shows another user’s entries', async () => {
    const a = await userWithHistory();
    const b = await userWithHistory();
    const res = await callRoute(getTransactions, '/api/v1/credits/transactions?limit=100', {
      token: b.token,
    });
    const seen = (res.body as { data: Array<{ id: string }> }).data.map((t) => t.id);
    const mine = (await CreditTransaction.find({ userId: b.userId }).lean()).map((e) =>
      e._id.toString(),
    );
    const theirs = (await CreditTransaction.find({ userId: a.userId }).lean()).map((e) =>
      e._id.toString(),
    );
    expect(seen.sort()).toEqual(mine.sort());
    expect(seen.some((id) => theirs.includes(id))).toBe(false);
  });

  it('exports CSV with a header row and formula-safe cells', async () => {
    const { token, userId } = await userWithHistory();
    await spendCredits({
      userId,
      credits: 1,
      idempotencyKey: `usage:csv-${userId}`,
      description: '=HYPERLINK("x")',
      referenceType: 'tryon_job',
      actor: sys,
    });
    const res = await getTransactions(
      testRequest('/api/v1/credits/transactions?format=csv', { token }),
      { params: Promise.resolve({}) as never },
    );
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'created_at,type,credits,free_delta,paid_delta,balance_after,description,reference_type,reference_id,id',
    );
    expect(lines).toHaveLength(9);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
