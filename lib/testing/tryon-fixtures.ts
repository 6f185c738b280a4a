import { Types } from 'mongoose';
import sharp from 'sharp';
import { CREDIT_COSTS, grantPurchasedCredits, spendCredits } from '@/lib/credits';
import { normalizeImage } from '@/lib/images';
import { generateApiKey } from '@/lib/apikeys';
import { seed } from '@/lib/seed/seed';
import { ApiKey, User } from '@/models';
import { TryonJob, type JobStatus, type TryonMode, type TryonJobDoc } from '@/models/tryon-job';
import { autoClientKey, usageKey } from '@/lib/tryon/keys';
import { storeInputImages } from '@/lib/tryon/store-input-images';

/**
 * Test support for lib/tryon, inngest/ and the routes: real users, real
 * images (generated with sharp), real ledger entries. Never imported by
 * product code.
 */

/** A solid-colour PNG (or JPEG) with a small stripe so that two colours never collide. */
export async function makeImage(
  colour: string,
  opts: { width?: number; height?: number; format?: 'png' | 'jpeg' } = {},
): Promise<Buffer> {
  const width = opts.width ?? 480;
  const height = opts.height ?? 640;
  const img = sharp({ create: { width, height, channels: 3, background: colour } });
  return opts.format === 'jpeg' ? img.jpeg({ quality: 90 }).toBuffer() : img.png().toBuffer();
}

export const MAGENTA = '#ff00ff';

export async function createUser(
  email = `u-${new Types.ObjectId().toString()}@test.local`,
): Promise<string> {
  const user = await User.create({ email, role: 'user', status: 'active', provider: 'dev' });
  return user._id.toString();
}

export async function createApiKeyFor(userId: string): Promise<{ key: string; apiKeyId: string }> {
  const { key, prefix, keyHash } = generateApiKey();
  const doc = await ApiKey.create({ userId, name: 'test', prefix, keyHash });
  return { key, apiKeyId: doc._id.toString() };
}

export async function givePaidCredits(userId: string, credits: number): Promise<void> {
  await grantPurchasedCredits({
    userId,
    credits,
    idempotencyKey: `purchase:test-${new Types.ObjectId().toString()}`,
    description: 'Test purchase',
    referenceType: 'payment',
    actor: { type: 'system' },
  });
}

/** Installs the v1 prompts (and the seed accounts), as a fresh deployment has them. */
export async function seedPrompts(): Promise<void> {
  await seed();
}

/**
 * A job exactly as createTryonJob leaves it (queued, inputs stored, cost
 * reserved with `usage:<jobId>`) but without starting a run, so that a test
 * drives the run itself.
 */
export async function createQueuedJob(
  userId: string,
  opts: {
    mode?: TryonMode;
    topColour?: string;
    status?: JobStatus;
    startedAt?: Date;
    queuedAt?: Date;
    charge?: boolean;
  } = {},
): Promise<TryonJobDoc> {
  const mode = opts.mode ?? 'top';
  const [user, top, bottom] = await Promise.all([
    makeImage('#c8a27a').then(normalizeImage),
    makeImage(opts.topColour ?? '#1f6feb').then(normalizeImage),
    mode === 'full' ? makeImage('#2d333b').then(normalizeImage) : Promise.resolve(undefined),
  ]);
  const inputs = await storeInputImages(userId, { user, top, bottom });
  const _id = new Types.ObjectId();
  const queuedAt = opts.queuedAt ?? new Date();
  await TryonJob.create({
    _id,
    userId,
    source: { kind: 'web' },
    mode,
    status: opts.status ?? 'queued',
    inputs,
    creditsUsed: CREDIT_COSTS[mode],
    clientKey: autoClientKey(userId, _id.toString()),
    queuedAt,
    ...(opts.startedAt ? { startedAt: opts.startedAt } : {}),
  });
  if (opts.charge !== false) {
    await spendCredits({
      userId,
      credits: CREDIT_COSTS[mode],
      idempotencyKey: usageKey(_id.toString()),
      description: 'Try-on',
      referenceType: 'tryon_job',
      referenceId: _id.toString(),
      actor: { type: 'user', id: userId },
    });
  }
  return await TryonJob.findById(_id).orFail().lean<TryonJobDoc>();
}
