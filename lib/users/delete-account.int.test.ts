import { createHash, randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import {
  ApiKey,
  Asset,
  AuditLog,
  CreditTransaction,
  Payment,
  TryonJob,
  User,
  WebhookDelivery,
  WebhookEndpoint,
} from '@/models';
import { generateApiKey } from '@/lib/apikeys';
import { grantPurchasedCredits, reconcile, spendCredits } from '@/lib/credits';
import { upsertUserOnSignIn } from '@/lib/auth/upsert-user';
import { apiRoute } from '@/lib/api/route';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import * as accountRoute from '@/app/api/account/route';
import { deleteAccount, deletedEmail } from './delete-account';

const probe = apiRoute({ auth: 'user' }, async ({ caller }) => ({ user_id: caller.userId }));

/** A person with everything the product stores about them. */
async function personWithData(tag: string) {
  const user = await User.create({
    email: `${tag}@person.test`,
    name: `Person ${tag} Surname`,
    image: `https://lh3.googleusercontent.com/a/${tag}-avatar`,
    provider: 'google',
    providerAccountId: `google-sub-${tag}`,
    stripeCustomerId: `cus_${tag}XYZ`,
    lastLoginAt: new Date(),
    role: 'user',
  });
  const userId = user._id.toString();
  const asset = async (kind: 'input' | 'output', seed: string) =>
    Asset.create({
      ownerId: user._id,
      sha256: createHash('sha256').update(`${tag}${seed}`).digest('hex'),
      kind,
      contentType: 'image/webp',
      size: 4,
      width: 256,
      height: 256,
      data: Buffer.from('RIFF'),
    });
  const [photo, top, output] = [
    await asset('input', 'photo'),
    await asset('input', 'top'),
    await asset('output', 'out'),
  ];
  const job = await TryonJob.create({
    userId: user._id,
    source: { kind: 'web' },
    mode: 'top',
    status: 'completed',
    inputs: { userImageId: photo._id, topImageId: top._id },
    outputImageId: output._id,
    creditsUsed: 1,
    clientKey: `${userId}:auto:${randomUUID()}`,
    queuedAt: new Date(),
  });
  const { key, prefix, keyHash } = generateApiKey();
  await ApiKey.create({ userId: user._id, name: `${tag} shop integration`, prefix, keyHash });
  const endpoint = await WebhookEndpoint.create({
    userId: user._id,
    url: `https://${tag}.example.com/hooks`,
    secret: 'whsec_dGVzdHNlY3JldA==',
  });
  await WebhookDelivery.create({
    endpointId: endpoint._id,
    userId: user._id,
    messageId: `msg_${randomUUID()}`,
    eventType: 'tryon.completed',
    payload: { id: job._id.toString(), status: 'completed' },
  });
  const sessionId = `cs_test_${tag}_${randomUUID()}`;
  await Payment.create({
    userId: user._id,
    provider: 'stripe',
    checkoutSessionId: sessionId,
    paymentIntentId: `pi_${tag}`,
    customerId: `cus_${tag}XYZ`,
    credits: 300,
    currency: 'usd',
    listAmountCents: 600,
    discountCents: 0,
    amountCents: 600,
    discountBps: 0,
    pricingVersion: 'v1',
    status: 'paid',
    receiptUrl: `https://pay.stripe.com/receipts/${tag}`,
    paidAt: new Date(),
  });
  await grantPurchasedCredits({
    userId,
    credits: 300,
    idempotencyKey: `purchase:${sessionId}`,
    description: 'Purchased 300 credits',
    referenceType: 'payment',
    referenceId: sessionId,
    actor: { type: 'system' },
  });
  await spendCredits({
    userId,
    credits: 1,
    idempotencyKey: `usage:${job._id.toString()}`,
    description: 'Try-on (top)',
    referenceType: 'tryon_job',
    referenceId: job._id.toString(),
    actor: { type: 'user', id: userId },
  });
  return {
    user,
    userId,
    apiKey: key,
    personal: [
      user.email,
      user.name!,
      user.image!,
      user.providerAccountId!,
      user.stripeCustomerId!,
      `https://pay.stripe.com/receipts/${tag}`,
      `${tag}.example.com`,
      `${tag} shop integration`,
    ],
  };
}

/** Every document of every collection, as text, to search for personal data. */
async function wholeDatabaseText(): Promise<string> {
  const db = mongoose.connection.db!;
  const parts: string[] = [];
  for (const c of await db.listCollections().toArray()) {
    const docs = await db.collection(c.name).find({}).toArray();
    parts.push(JSON.stringify(docs));
  }
  return parts.join('\n');
}

const counts = async (userId: string) => ({
  jobs: await TryonJob.countDocuments({ userId }),
  assets: await Asset.countDocuments({ ownerId: userId }),
  apiKeys: await ApiKey.countDocuments({ userId }),
  endpoints: await WebhookEndpoint.countDocuments({ userId }),
  deliveries: await WebhookDelivery.countDocuments({ userId }),
  payments: await Payment.countDocuments({ userId }),
  ledger: await CreditTransaction.countDocuments({ userId }),
});

describe('account deletion', () => {
  it('leaves no personal data behind, keeps payments and a balanced ledger, and touches no one else', async () => {
    const gone = await personWithData('alice');
    const kept = await personWithData('bob');
    const keptBefore = await counts(kept.userId);
    const ledgerBefore = await CreditTransaction.countDocuments({ userId: gone.userId });
    expect(ledgerBefore).toBeGreaterThanOrEqual(2);
    // Alice was also an admin once: her audit entries keep her id, not her address.
    await AuditLog.create({
      actorId: gone.user._id,
      actorEmail: gone.user.email,
      actorRole: 'support_admin',
      action: 'user.suspend',
      entityType: 'user',
      entityId: kept.userId,
    });

    const token = await sessionToken(gone.user);
    const wrong = await callRoute(accountRoute.DELETE, '/api/account', {
      method: 'DELETE',
      token,
      body: { confirm_email: 'someone@else.test' },
    });
    expect(wrong.status).toBe(400);
    expect(await User.countDocuments({ _id: gone.user._id, status: 'active' })).toBe(1);

    const res = await callRoute(accountRoute.DELETE, '/api/account', {
      method: 'DELETE',
      token,
      body: { confirm_email: 'ALICE@person.test' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      deleted: true,
      removed: { jobs: 1, assets: 3, apiKeys: 1, webhookEndpoints: 1, webhookDeliveries: 1 },
    });

    // The user document is anonymised.
    const doc = await User.findById(gone.userId).lean();
    expect(doc).toMatchObject({
      email: deletedEmail(gone.userId),
      status: 'deleted',
      role: 'user',
    });
    expect(doc?.deletedAt).toBeInstanceOf(Date);
    for (const field of [
      'name',
      'image',
      'provider',
      'providerAccountId',
      'stripeCustomerId',
      'lastLoginAt',
    ] as const)
      expect(doc?.[field]).toBeUndefined();

    // Jobs, images, keys and webhooks are gone; payments and the ledger stay, without personal data.
    expect(await counts(gone.userId)).toEqual({
      jobs: 0,
      assets: 0,
      apiKeys: 0,
      endpoints: 0,
      deliveries: 0,
      payments: 1,
      ledger: ledgerBefore,
    });
    const payment = await Payment.findOne({ userId: gone.userId }).lean();
    expect(payment).toMatchObject({ status: 'paid', amountCents: 600, credits: 300 });
    expect(payment?.customerId).toBeUndefined();
    expect(payment?.receiptUrl).toBeUndefined();

    const everything = await wholeDatabaseText();
    for (const value of gone.personal)
      expect(everything, `still stored: ${value}`).not.toContain(value);
    for (const value of kept.personal) expect(everything).toContain(value);
    expect(await counts(kept.userId)).toEqual(keptBefore);

    const report = await reconcile({ repair: false });
    expect(report.differences).toEqual([]);
    expect(report.inconsistencies).toEqual([]);
    expect(report.ok).toBe(true);

    // Nothing can act for the deleted account any more.
    expect((await callRoute(accountRoute.GET, '/api/account', { token })).status).toBe(401);
    const byKey = await callRoute(probe, '/probe', { apiKey: gone.apiKey });
    expect(byKey.status).toBe(401);
  });

  it('lets the same email sign up again as a brand-new account', async () => {
    const { user, userId } = await personWithData('carol');
    await deleteAccount({ userId });
    const fresh = await upsertUserOnSignIn({
      email: user.email,
      name: 'Carol Again',
      provider: 'google',
    });
    expect(fresh._id.toString()).not.toBe(userId);
    expect(fresh).toMatchObject({ status: 'active', role: 'user', freeCredits: 0 });
    expect(await CreditTransaction.countDocuments({ userId: fresh._id })).toBe(0);
  });

  it('is safe to run again (finishes an interrupted deletion) and records one audit entry per run', async () => {
    const { userId } = await personWithData('dave');
    await deleteAccount({ userId });
    // A job that landed after the first pass (e.g. in flight) is removed by a second pass.
    await TryonJob.create({
      userId,
      source: { kind: 'api' },
      mode: 'top',
      status: 'failed',
      inputs: {
        userImageId: new mongoose.Types.ObjectId(),
        topImageId: new mongoose.Types.ObjectId(),
      },
      creditsUsed: 1,
      clientKey: `${userId}:late`,
      queuedAt: new Date(),
    });
    const again = await deleteAccount({ userId });
    expect(again.removed.jobs).toBe(1);
    expect((await User.findById(userId).lean())?.email).toBe(deletedEmail(userId));
    expect(await AuditLog.countDocuments({ action: 'account.delete', entityId: userId })).toBe(2);
  });

  it('refuses to delete the only super admin', async () => {
    await User.deleteMany({ role: 'super_admin' });
    const only = await createTestUser({ role: 'super_admin' });
    await expect(deleteAccount({ userId: only._id.toString() })).rejects.toMatchObject({
      code: 'invalid_state',
    });
    await createTestUser({ role: 'super_admin' });
    await expect(deleteAccount({ userId: only._id.toString() })).resolves.toMatchObject({
      userId: only._id.toString(),
    });
  });
});
