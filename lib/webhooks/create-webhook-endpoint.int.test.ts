import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createTestUser } from '@/lib/testing/session-request';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { MAX_ENDPOINTS_PER_USER } from './config';
import { createWebhookEndpoint } from './create-webhook-endpoint';
import { deleteWebhookEndpoint } from './delete-webhook-endpoint';

// A public address literal: no DNS, and allowed by every address policy.
const url = 'https://93.184.215.14/hook';

async function outcomes(userId: string, n: number) {
  const results = await Promise.allSettled(
    Array.from({ length: n }, () => createWebhookEndpoint(userId, { url })),
  );
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  const limited = results.filter(
    (r) =>
      r.status === 'rejected' &&
      r.reason instanceof AppError &&
      r.reason.code === 'webhook_endpoint_limit',
  ).length;
  return { ok, limited, other: n - ok - limited };
}

describe('the per-user endpoint cap under concurrency', () => {
  it('25 creates at once: exactly the cap succeed, the rest are told the limit', async () => {
    const user = await createTestUser();
    const userId = user._id.toString();
    expect(await outcomes(userId, 25)).toEqual({
      ok: MAX_ENDPOINTS_PER_USER,
      limited: 25 - MAX_ENDPOINTS_PER_USER,
      other: 0,
    });
    expect(await WebhookEndpoint.countDocuments({ userId })).toBe(MAX_ENDPOINTS_PER_USER);
    const slots = (await WebhookEndpoint.find({ userId }).lean()).map((e) => e.slotKey).sort();
    expect(new Set(slots).size).toBe(MAX_ENDPOINTS_PER_USER);
  });

  it('a deleted endpoint frees its slot for exactly one of two racing creates', async () => {
    const user = await createTestUser();
    const userId = user._id.toString();
    const made = [];
    for (let i = 0; i < MAX_ENDPOINTS_PER_USER; i += 1)
      made.push(await createWebhookEndpoint(userId, { url }));
    await deleteWebhookEndpoint(userId, made[3]!.id);
    expect(await outcomes(userId, 2)).toEqual({ ok: 1, limited: 1, other: 0 });
    expect(await WebhookEndpoint.countDocuments({ userId })).toBe(MAX_ENDPOINTS_PER_USER);
  });

  it('endpoints from before slots count toward the cap', async () => {
    const user = await createTestUser();
    const userId = user._id.toString();
    await WebhookEndpoint.create(
      Array.from({ length: 4 }, () => ({ userId, url, secret: 'whsec_legacy' })),
    );
    expect(await outcomes(userId, 12)).toEqual({
      ok: MAX_ENDPOINTS_PER_USER - 4,
      limited: 12 - (MAX_ENDPOINTS_PER_USER - 4),
      other: 0,
    });
    expect(await WebhookEndpoint.countDocuments({ userId })).toBe(MAX_ENDPOINTS_PER_USER);
  });
});
