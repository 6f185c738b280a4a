import { Types } from 'mongoose';
import { ApiKey, type ApiKeyDoc } from '@/models';
import { AppError, isDuplicateKeyError, notFound } from '@/lib/errors';
import { generateApiKey, storedKeyKind, type ApiKeyKind } from './hash-api-key';
import { MAX_ACTIVE_KEYS, type ApiKeyView } from './schemas';

export function serializeApiKey(doc: ApiKeyDoc & { createdAt?: Date }): ApiKeyView {
  const kind = storedKeyKind(doc);
  return {
    id: doc._id.toString(),
    name: doc.name,
    kind,
    livemode: kind !== 'test',
    prefix: doc.prefix,
    daily_credit_cap: doc.dailyCreditCap ?? null,
    ...(kind === 'publishable' ? { allowed_origins: doc.allowedOrigins ?? [] } : {}),
    created_at: (doc.createdAt ?? new Date()).toISOString(),
    last_used_at: doc.lastUsedAt ? doc.lastUsedAt.toISOString() : null,
    usage_count: doc.usageCount ?? 0,
    revoked_at: doc.revokedAt ? doc.revokedAt.toISOString() : null,
  };
}

/** The owner's keys, newest first (revoked ones included, marked). */
export async function listApiKeys(userId: string): Promise<ApiKeyView[]> {
  const docs = await ApiKey.find({ userId })
    .sort({ createdAt: -1 })
    .lean<Array<ApiKeyDoc & { createdAt: Date }>>();
  return docs.map(serializeApiKey);
}

const limitReached = () =>
  new AppError('conflict', `You already have ${MAX_ACTIVE_KEYS} active keys; revoke one first`, {
    details: { max: MAX_ACTIVE_KEYS },
  });

/**
 * The free cap slots of a user: `<userId>:1..n`, n = the cap less the active
 * keys from before slots (they hold capacity without one), minus the taken ones.
 */
async function freeSlots(userId: string): Promise<string[]> {
  const active = await ApiKey.find({ userId, revokedAt: { $exists: false } })
    .select({ slotKey: 1 })
    .lean();
  const unslotted = active.filter((k) => !k.slotKey).length;
  const used = new Set(active.map((k) => k.slotKey));
  return Array.from({ length: MAX_ACTIVE_KEYS - unslotted }, (_, i) => `${userId}:${i + 1}`).filter(
    (key) => !used.has(key),
  );
}

export interface CreateApiKeyOptions {
  /** Default `secret`. */
  kind?: ApiKeyKind;
  /** Credits per UTC day (lib/caps); unset = no cap. */
  dailyCreditCap?: number | null;
  /** The person creating it (the owner may be an organisation). */
  createdBy?: string;
  /** Secret/test keys only: may be sent from a browser on another origin. */
  allowBrowser?: boolean;
  /** More fields a kind needs (the widget's publishable keys: allowedOrigins). */
  extra?: Record<string, unknown>;
}

/** The stored fields of a key's options (absent ones are not written). */
function optionFields(opts: CreateApiKeyOptions): Record<string, unknown> {
  return {
    kind: opts.kind ?? 'secret',
    ...(opts.dailyCreditCap != null ? { dailyCreditCap: opts.dailyCreditCap } : {}),
    ...(opts.createdBy ? { createdBy: opts.createdBy } : {}),
    ...(opts.allowBrowser ? { allowBrowser: true } : {}),
    ...opts.extra,
  };
}

/**
 * Creates a key; the full key is returned once and never stored. The cap is
 * a unique insert: the key takes a free slot `<userId>:<n>`, so of creates
 * racing for the last slot exactly one wins (as webhook endpoints do). Keys
 * of every kind share the owner's slots.
 */
export async function createApiKey(
  userId: string,
  name: string,
  opts: CreateApiKeyOptions = {},
): Promise<ApiKeyView & { key: string }> {
  let slots = await freeSlots(userId);
  // Each lost race re-reads the free slots; a bounded number of rounds.
  for (let round = 0; round <= MAX_ACTIVE_KEYS; round += 1) {
    const [slotKey] = slots;
    if (!slotKey) throw limitReached();
    const { key, prefix, keyHash } = generateApiKey(opts.kind ?? 'secret');
    try {
      const doc = await ApiKey.create({
        userId,
        name,
        prefix,
        keyHash,
        slotKey,
        ...optionFields(opts),
      });
      return { ...serializeApiKey(doc.toObject() as ApiKeyDoc & { createdAt: Date }), key };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      slots = await freeSlots(userId);
    }
  }
  throw new AppError('conflict', 'Too many keys are being created at once; try again', {
    retryAfter: 1,
  });
}

async function ownedKeyOrThrow(userId: string, keyId: string) {
  if (!Types.ObjectId.isValid(keyId)) throw notFound('API key');
  const doc = await ApiKey.findById(keyId).lean<ApiKeyDoc & { createdAt: Date }>();
  // Another person's key is indistinguishable from a missing one.
  if (!doc || doc.userId.toString() !== userId) throw notFound('API key');
  return doc;
}

/** Revokes a key and gives its cap slot back. */
async function revokeAndFreeSlot(keyId: Types.ObjectId, revokedAt: Date): Promise<void> {
  await ApiKey.updateOne(
    { _id: keyId, revokedAt: { $exists: false } },
    { $set: { revokedAt }, $unset: { slotKey: 1 } },
  );
}

/** Revokes a key: every later request with it gets 401 api_key_revoked. Idempotent. */
export async function revokeApiKey(userId: string, keyId: string): Promise<ApiKeyView> {
  const doc = await ownedKeyOrThrow(userId, keyId);
  if (doc.revokedAt) return serializeApiKey(doc);
  const revokedAt = new Date();
  await revokeAndFreeSlot(doc._id, revokedAt);
  return serializeApiKey({ ...doc, revokedAt });
}

/** Settings a regenerated key carries over (every kind's; absent ones stay absent). */
const KEPT_SETTINGS = [
  'kind',
  'dailyCreditCap',
  'allowBrowser',
  'createdBy',
  'allowedOrigins',
] as const;

function keptSettings(doc: object): Record<string, unknown> {
  const source = doc as Record<string, unknown>;
  return Object.fromEntries(
    KEPT_SETTINGS.filter((f) => source[f] !== undefined && source[f] !== null).map((f) => [
      f,
      source[f],
    ]),
  );
}

/**
 * Changes a key's name or daily credit cap (`null` removes the cap). A
 * lowered cap applies at once: spends already reserved today count toward it.
 */
export async function updateApiKey(
  userId: string,
  keyId: string,
  patch: { name?: string; dailyCreditCap?: number | null },
): Promise<ApiKeyView> {
  const doc = await ownedKeyOrThrow(userId, keyId);
  if (doc.revokedAt) throw new AppError('invalid_state', 'This key is revoked');
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, 1> = {};
  if (patch.name !== undefined) $set.name = patch.name;
  if (patch.dailyCreditCap === null) $unset.dailyCreditCap = 1;
  else if (patch.dailyCreditCap !== undefined) $set.dailyCreditCap = patch.dailyCreditCap;
  const update = {
    ...(Object.keys($set).length ? { $set } : {}),
    ...(Object.keys($unset).length ? { $unset } : {}),
  };
  if (Object.keys(update).length) await ApiKey.updateOne({ _id: doc._id }, update);
  const fresh = await ApiKey.findById(doc._id).lean<ApiKeyDoc & { createdAt: Date }>();
  return serializeApiKey(fresh ?? doc);
}

/**
 * Replaces a key with a new one of the same name; the old one is revoked at
 * once. The successor is claimed by a unique insert (`replacesKeyId`), so of
 * concurrent regenerations of one key exactly one makes a new key; the
 * others get 409. The new key then takes over the old key's cap slot (or,
 * if a create took the freed slot first, counts as a key without a slot).
 */
export async function regenerateApiKey(
  userId: string,
  keyId: string,
): Promise<ApiKeyView & { key: string }> {
  const doc = await ownedKeyOrThrow(userId, keyId);
  const alreadyRegenerated = () =>
    new AppError('conflict', 'This key has just been regenerated; its new key was shown once', {
      retryAfter: 1,
    });
  if (await ApiKey.exists({ replacesKeyId: doc._id })) {
    // A regeneration that died before revoking the old key is completed here.
    await revokeAndFreeSlot(doc._id, new Date());
    throw alreadyRegenerated();
  }
  if (doc.revokedAt) throw new AppError('invalid_state', 'This key is revoked; create a new one');
  const { key, prefix, keyHash } = generateApiKey(storedKeyKind(doc));
  let created: ApiKeyDoc & { createdAt: Date };
  try {
    // The successor keeps the key's kind and settings; only the secret changes.
    const fresh = await ApiKey.create({
      ...keptSettings(doc),
      userId,
      name: doc.name,
      prefix,
      keyHash,
      replacesKeyId: doc._id,
    });
    created = fresh.toObject() as ApiKeyDoc & { createdAt: Date };
  } catch (err) {
    if (isDuplicateKeyError(err)) throw alreadyRegenerated();
    throw err;
  }
  await revokeAndFreeSlot(doc._id, new Date());
  if (doc.slotKey) {
    try {
      await ApiKey.updateOne({ _id: created._id }, { $set: { slotKey: doc.slotKey } });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  return { ...serializeApiKey(created), key };
}
