import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A local receiver on 127.0.0.1, retries shrunk. Set before lib/env is first imported.
vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = 'true';
  process.env.WEBHOOK_RETRY_SCALE = '0.00001';
});

import { grantPurchasedCredits, spendCredits } from '@/lib/credits';
import { drainInline } from '@/lib/jobs';
import { createOrganization } from '@/lib/orgs';
import { createTestUser } from '@/lib/testing/session-request';
import { startReceiver, type Receiver } from '@/lib/testing/webhook-receiver';
import { createWebhookEndpoint } from '@/lib/webhooks';
import { WebhookDelivery } from '@/models/webhook-delivery';

let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await drainInline(60_000);
  await receiver.close();
});

describe('credits.low for an organisation', () => {
  it('goes to the organisation’s endpoint (not its members’), once per crossing', async () => {
    const owner = await createTestUser();
    const ownerId = owner._id.toString();
    const org = await createOrganization({ userId: ownerId, name: 'Hooked Shop' });
    const orgPath = '/org-hook';
    const personPath = '/person-hook';
    const orgEndpoint = await createWebhookEndpoint(org.id, {
      url: receiver.url(orgPath),
      events: ['credits.low'],
    });
    const personEndpoint = await createWebhookEndpoint(ownerId, {
      url: receiver.url(personPath),
      events: ['credits.low'],
    });
    receiver.secrets.set(orgPath, orgEndpoint.secret);
    receiver.secrets.set(personPath, personEndpoint.secret);

    await grantPurchasedCredits({
      userId: org.id,
      credits: 11,
      idempotencyKey: `purchase:fixture-${org.id}`,
      description: 'fixture',
      referenceType: 'payment',
      actor: { type: 'system' },
    });
    const spend = (n: number) =>
      spendCredits({
        userId: org.id,
        credits: 1,
        idempotencyKey: `usage:hook-${org.id}-${n}`,
        description: 'spend',
        referenceType: 'system',
        actor: { type: 'user', id: ownerId },
      });
    await spend(1); // 10: not below
    await spend(2); // 9: the crossing
    await spend(3); // 8: still below
    await drainInline(60_000);

    const hits = receiver.received.filter((r) => r.path === orgPath);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.verifyError).toBeUndefined();
    expect(hits[0]!.verified).toMatchObject({
      type: 'credits.low',
      data: { balance: 9, paid_credits: 9, threshold: 10 },
    });
    expect(receiver.received.filter((r) => r.path === personPath)).toHaveLength(0);
    expect(await WebhookDelivery.countDocuments({ userId: org.id })).toBe(1);
  });
});
