import { Types } from 'mongoose';
import { ApiKey, type ApiKeyDoc } from '@/models';
import { connectDb } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { generateApiKey } from './hash-api-key';
import { MAX_ACTIVE_KEYS, type ApiKeyView } from './schemas';

export function serializeApiKey(doc: ApiKeyDoc & { createdAt?: Date }): ApiKeyView {
  return {
    id: doc._id.toString(),
    name: doc.name,
    prefix: doc.prefix,
    created_at: (doc.createdAt ?? new Date()).toISOString(),
    last_used_at: doc.lastUsedAt ? doc.lastUsedAt.toISOString() : null,
    usage_count: doc.usageCount ?? 0,
    revoked_at: doc.revokedAt ? doc.revokedAt.toISOString() : null,
  };
}

/** The owner's keys, newest first (revoked ones included, marked). */
export async function listApiKeys(userId: string): Promise<ApiKeyView[]> {
  await connectDb();
  const docs = (await ApiKey.find({ userId }).sort({ createdAt: -1 }).lean()) as Array<
    ApiKeyDoc & { createdAt: Date }
  >;
  return docs.map(serializeApiKey);
}

/** Creates a key; the full key is returned once and never stored. */
export async function createApiKey(
  userId: string,
  name: string,
): Promise<ApiKeyView & { key: string }> {
  await connectDb();
  const active = await ApiKey.countDocuments({ userId, revokedAt: { $exists: false } });
  if (active >= MAX_ACTIVE_KEYS) {
    throw new AppError(
      'conflict',
      `You already have ${MAX_ACTIVE_KEYS} active keys; revoke one first`,
    );
  }
  const { key, prefix, keyHash } = generateApiKey();
  const doc = await ApiKey.create({ userId, name, prefix, keyHash });
  return { ...serializeApiKey(doc.toObject() as ApiKeyDoc & { createdAt: Date }), key };
}

async function ownedKeyOrThrow(userId: string, keyId: string) {
  await connectDb();
  if (!Types.ObjectId.isValid(keyId)) throw notFound('API key');
  const doc = (await ApiKey.findById(keyId).lean()) as (ApiKeyDoc & { createdAt: Date }) | null;
  // Another person's key is indistinguishable from a missing one.
  if (!doc || doc.userId.toString() !== userId) throw notFound('API key');
  return doc;
}

/** Revokes a key: every later request with it gets 401 api_key_revoked. Idempotent. */
export async function revokeApiKey(userId: string, keyId: string): Promise<ApiKeyView> {
  const doc = await ownedKeyOrThrow(userId, keyId);
  if (doc.revokedAt) return serializeApiKey(doc);
  const revokedAt = new Date();
  await ApiKey.updateOne({ _id: doc._id }, { $set: { revokedAt } });
  return serializeApiKey({ ...doc, revokedAt });
}

/** Replaces a key with a new one of the same name; the old one is revoked at once. */
export async function regenerateApiKey(
  userId: string,
  keyId: string,
): Promise<ApiKeyView & { key: string }> {
  const doc = await ownedKeyOrThrow(userId, keyId);
  if (doc.revokedAt) throw new AppError('invalid_state', 'This key is revoked; create a new one');
  await revokeApiKey(userId, keyId);
  return createApiKey(userId, doc.name);
}
