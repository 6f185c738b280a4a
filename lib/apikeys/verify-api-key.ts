import { ApiKey, type ApiKeyDoc } from '@/models';
import { AppError } from '@/lib/errors';
import { findOwner, type Owner } from '@/lib/orgs/find-owner';
import { apiKeyKindOf, hashApiKey, storedKeyKind, type ApiKeyKind } from './hash-api-key';

export interface VerifiedApiKey {
  apiKeyId: string;
  /** The account the key acts for: a person or an organisation (`userId` holds the owner id). */
  owner: Owner;
  /** The stored key (settings such as dailyCreditCap, allowBrowser, createdBy). */
  key: ApiKeyDoc;
  kind: ApiKeyKind;
  /** False for test keys: their requests live in the test data space. */
  livemode: boolean;
}

/**
 * Resolves an `x-api-key` to its owner; records use. Throws 401 codes. The
 * stored kind must match the key's prefix (a key is found by its hash, so
 * this only guards against stored data that disagrees with itself).
 */
export async function verifyApiKeyOrThrow(raw: string): Promise<VerifiedApiKey> {
  const claimed = apiKeyKindOf(raw);
  if (!claimed) throw new AppError('invalid_api_key', 'The API key is malformed');
  const doc = await ApiKey.findOne({ keyHash: hashApiKey(raw) }).lean<ApiKeyDoc>();
  if (!doc || storedKeyKind(doc) !== claimed)
    throw new AppError('invalid_api_key', 'The API key is not valid');
  if (doc.revokedAt) throw new AppError('api_key_revoked', 'The API key has been revoked');
  const owner = await findOwner(doc.userId);
  const status = owner?.type === 'user' ? owner.user.status : owner?.org.status;
  if (!owner || status === 'deleted')
    throw new AppError('invalid_api_key', 'The API key is not valid');
  // Usage stats are best-effort and must not slow the request.
  void ApiKey.updateOne(
    { _id: doc._id },
    { $set: { lastUsedAt: new Date() }, $inc: { usageCount: 1 } },
  ).catch(() => {});
  return {
    apiKeyId: doc._id.toString(),
    owner,
    key: doc,
    kind: claimed,
    livemode: claimed !== 'test',
  };
}
