import { ApiKey, User } from '@/models';
import { AppError } from '@/lib/errors';
import { API_KEY_PATTERN, hashApiKey } from './hash-api-key';

/** Resolves an `x-api-key` to its owner; records use. Throws 401 codes. */
export async function verifyApiKeyOrThrow(key: string) {
  if (!API_KEY_PATTERN.test(key)) throw new AppError('invalid_api_key', 'The API key is malformed');
  const doc = await ApiKey.findOne({ keyHash: hashApiKey(key) }).lean();
  if (!doc) throw new AppError('invalid_api_key', 'The API key is not valid');
  if (doc.revokedAt) throw new AppError('api_key_revoked', 'The API key has been revoked');
  const user = await User.findById(doc.userId).lean();
  if (!user || user.status === 'deleted')
    throw new AppError('invalid_api_key', 'The API key is not valid');
  // Usage stats are best-effort and must not slow the request.
  void ApiKey.updateOne(
    { _id: doc._id },
    { $set: { lastUsedAt: new Date() }, $inc: { usageCount: 1 } },
  ).catch(() => {});
  return { apiKeyId: doc._id.toString(), user };
}
