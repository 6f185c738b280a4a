import { ApiKey, type ApiKeyDoc } from '@/models';
import { generateApiKey } from './hash-api-key';
import { createApiKey } from './manage-api-keys';

export const PLAYGROUND_KEY_NAME = 'Playground (test)';

/**
 * The API playground's own test key (tr_test_): nothing it sends is charged.
 * Keys are stored hashed, so the playground cannot read an old one back:
 * each call gives the owner's playground key a fresh secret (the previous
 * one stops working) and returns it, or creates the key on first use. It
 * takes one of the owner's key slots and is listed (and revocable) with the others.
 */
export async function issuePlaygroundKey(ownerId: string, createdBy: string): Promise<string> {
  const existing = await ApiKey.findOne({
    userId: ownerId,
    purpose: 'playground',
    revokedAt: { $exists: false },
  }).lean<ApiKeyDoc>();
  if (!existing) {
    const created = await createApiKey(ownerId, PLAYGROUND_KEY_NAME, {
      kind: 'test',
      createdBy,
      extra: { purpose: 'playground' },
    });
    return created.key;
  }
  const { key, prefix, keyHash } = generateApiKey('test');
  await ApiKey.updateOne({ _id: existing._id }, { $set: { keyHash, prefix } });
  return key;
}
