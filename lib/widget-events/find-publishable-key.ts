import type { Types } from 'mongoose';
import { ApiKey } from '@/models';
import { hashApiKey } from '@/lib/apikeys';
import { AppError } from '@/lib/errors';
import { PUBLISHABLE_KEY_PATTERN } from './schemas';

/** What the event beacon needs of a publishable key (fields of the key-kinds contract). */
interface PublishableKeyView {
  _id: Types.ObjectId;
  /** The owner: for a publishable key, always an organisation. */
  userId: Types.ObjectId;
  kind?: 'secret' | 'test' | 'publishable';
  allowedOrigins?: string[];
  revokedAt?: Date | null;
}

const unavailable = (reason: 'key_invalid' | 'origin_not_allowed') =>
  new AppError(
    'widget_unavailable',
    reason === 'key_invalid'
      ? 'The publishable key is not valid'
      : 'This site is not allowed to use this publishable key',
    { details: { reason } },
  );

export interface AllowedPublishableKey {
  keyId: string;
  orgId: string;
  origin: string;
}

/**
 * The active publishable key `key`, when the request's `Origin` is one of its allowed
 * origins; otherwise 403 `widget_unavailable` (malformed, unknown, revoked or not publishable;
 * origin missing or not on the key's list — `details.reason` says which). One read by the
 * unique `keyHash`.
 */
export async function findPublishableKeyForOrigin(
  key: string,
  origin: string | null,
): Promise<AllowedPublishableKey> {
  if (!PUBLISHABLE_KEY_PATTERN.test(key)) throw unavailable('key_invalid');
  const doc = await ApiKey.findOne({ keyHash: hashApiKey(key) })
    .select({ userId: 1, kind: 1, allowedOrigins: 1, revokedAt: 1 })
    .lean<PublishableKeyView>();
  if (!doc || doc.kind !== 'publishable' || doc.revokedAt) throw unavailable('key_invalid');
  if (!origin || !(doc.allowedOrigins ?? []).includes(origin))
    throw unavailable('origin_not_allowed');
  return { keyId: doc._id.toString(), orgId: doc.userId.toString(), origin };
}
