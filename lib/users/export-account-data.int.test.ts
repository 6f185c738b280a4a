import { createHash, randomUUID } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiKey, Asset, Payment, TryonJob, WebhookEndpoint } from '@/models';
import { SavedPhoto } from '@/models/saved-photo';
import { SupportMessage } from '@/models/support-message';
import { generateApiKey } from '@/lib/apikeys';
import { grantPurchasedCredits } from '@/lib/credits';
import { createTestUser, sessionToken, testRequest } from '@/lib/testing/session-request';
import { resetRateLimits } from '@/lib/rate-limit';
import * as exportRoute from '@/app/api/account/export/route';

beforeEach(() => resetRateLimits());

const noParams = { params: Promise.resolve({}) };

/** A person with a photo, a result, a job, a key, a webhook, a payment and a support message. */
async function personWithData(tag: string) {
  const user = await createTestUser({ email: `${tag}-${randomUUID()}@export.test` });
  const userId = user._id.toString();
  const image = async (kind: 'input' | 'output') => {
    const data = Buffer.from(`RIFF-${tag}-${kind}-${randomUUID()}`);
    return Asset.create({
      ownerId: user._id,
      sha256: createHash('sha256').update(data).digest('hex'),
      kind,
      contentType: 'image/webp',
      size: data.length,
      width: 256,
      height: 256,
      data,
    });
  };
  const photo = await image('input');
  // Kept in My photos (the record's _id is the asset's).
  await SavedPhoto.create({
    _id: photo._id,
    userId: user._id,
    retention: 'forever',
    width: 256,
    height: 256,
  });
  const output = await image('output');
  const job = await TryonJob.create({
    userId: user._id,
    source: { kind: 'web' },
    mode: 'top',
    status: 'completed',
    inputs: { userImageId: photo._id, topImageId: photo._id },
    outputImageId: output._id,
    creditsUsed: 1,
    clientKey: `${userId}:auto:${randomUUID()}`,
    queuedAt: new Date(),
  });
  const { key, prefix, keyHash } = generateApiKey();
  await ApiKey.create({ userId: user._id, name: `${tag} shop`, prefix, keyHash });
  const secret = `whsec_${Buffer.from(randomUUID()).toString('base64')}`;
  await WebhookEndpoint.create({ userId: user._id, url: `https://${tag}.example.com/h`, secret });
  const sessionId = `cs_test_${tag}_${randomUUID()}`;
  await Payment.create({
    userId: user._id,
    provider: 'stripe',
    checkoutSessionId: sessionId,
    credits: 300,
    currency: 'usd',
    listAmountCents: 600,
    discountCents: 0,
    amountCents: 600,
    discountBps: 0,
    pricingVersion: 'v1',
    status: 'paid',
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
  await SupportMessage.create({
    userId: user._id,
    email: user.email,
    topic: 'privacy',
    message: `Where are my photos? (${tag})`,
  });
  return { user, userId, job, photo, output, key, keyHash, secret, sessionId };
}

async function download(token: string) {
  const res = await exportRoute.GET(testRequest('/api/account/export', { token }), noParams);
  return { res, files: res.ok ? unzipSync(new Uint8Array(await res.arrayBuffer())) : {} };
}

const readJson = (files: Record<string, Uint8Array>, name: string): unknown =>
  JSON.parse(strFromU8(files[name]!));

describe('account data export', () => {
  it('zips the records and images of the owner, never a secret', async () => {
    const a = await personWithData('alice');
    const { res, files } = await download(await sessionToken(a.user));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="trailroom-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');

    const names = Object.keys(files).sort();
    expect(names).toEqual(
      [
        'README.txt',
        'api-keys.json',
        'jobs.json',
        'ledger.json',
        'payments.json',
        'profile.json',
        'saved-photos.json',
        'support-messages.json',
        'webhooks.json',
        `images/inputs/${a.photo._id.toString()}.webp`,
        `images/outputs/${a.output._id.toString()}.webp`,
      ].sort(),
    );
    expect(readJson(files, 'profile.json')).toMatchObject({
      account: { id: a.userId, email: a.user.email },
      credits: { paid_credits: 300 },
    });
    expect(readJson(files, 'jobs.json')).toEqual([
      expect.objectContaining({ id: a.job._id.toString(), status: 'completed', mode: 'top' }),
    ]);
    expect(readJson(files, 'ledger.json')).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'purchase', credits: 300 })]),
    );
    expect(readJson(files, 'payments.json')).toEqual([
      expect.objectContaining({ checkout_session_id: a.sessionId, amount_cents: 600 }),
    ]);
    expect(readJson(files, 'api-keys.json')).toEqual([
      expect.objectContaining({ name: 'alice shop', prefix: expect.stringMatching(/^tr_live_/) }),
    ]);
    expect(readJson(files, 'webhooks.json')).toEqual([
      expect.objectContaining({ url: 'https://alice.example.com/h' }),
    ]);
    expect(readJson(files, 'support-messages.json')).toEqual([
      expect.objectContaining({ topic: 'privacy', message: 'Where are my photos? (alice)' }),
    ]);
    expect(readJson(files, 'saved-photos.json')).toEqual([
      expect.objectContaining({
        id: a.photo._id.toString(),
        retention: 'forever',
        expires_at: null,
      }),
    ]);
    // The images byte for byte.
    expect(
      Buffer.from(files[`images/inputs/${a.photo._id.toString()}.webp`]!).equals(
        Buffer.from(a.photo.data!),
      ),
    ).toBe(true);
    // No secret anywhere: not the API key, its hash, nor the webhook signing secret.
    const all = Object.values(files)
      .map((f) => Buffer.from(f).toString('latin1'))
      .join('\n');
    expect(all).not.toContain(a.key);
    expect(all).not.toContain(a.keyHash);
    expect(all).not.toContain(a.secret);
    expect(all).not.toContain('whsec_');
  });

  it("holds only the caller's own data", async () => {
    const a = await personWithData('owner');
    const stranger = await createTestUser();
    const { res, files } = await download(await sessionToken(stranger));
    expect(res.status).toBe(200);
    expect(Object.keys(files).filter((n) => n.startsWith('images/'))).toEqual([]);
    expect(readJson(files, 'jobs.json')).toEqual([]);
    expect(readJson(files, 'api-keys.json')).toEqual([]);
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(all).not.toContain(a.userId);
    expect(all).not.toContain(a.user.email);
  });

  it('needs a signed-in session (no API key, no anonymous call) and is rate limited', async () => {
    const a = await personWithData('limits');
    const anonymous = await exportRoute.GET(testRequest('/api/account/export'), noParams);
    expect(anonymous.status).toBe(401);
    const byKey = await exportRoute.GET(
      testRequest('/api/account/export', { apiKey: a.key }),
      noParams,
    );
    expect(byKey.status).toBe(403);

    const token = await sessionToken(a.user);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { res } = await download(token);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
