import { describe, expect, it } from 'vitest';
import { ApiKey } from '@/models';
import { AppError } from '@/lib/errors';
import { createTestUser } from '@/lib/testing/session-request';
import { generateApiKey } from './hash-api-key';
import { createApiKey, regenerateApiKey, revokeApiKey } from './manage-api-keys';
import { MAX_ACTIVE_KEYS } from './schemas';

const active = (userId: string) => ApiKey.countDocuments({ userId, revokedAt: { $exists: false } });

function settle<T>(ps: Array<Promise<T>>): Promise<{ ok: Awaited<T>[]; errors: unknown[] }> {
  return Promise.allSettled(ps).then((rs) => ({
    ok: rs.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    errors: rs.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
  }));
}

describe('API key cap and regenerate under concurrency (real database)', () => {
  it(`25 concurrent creates at the cap boundary → exactly ${MAX_ACTIVE_KEYS} active keys`, async () => {
    const userId = (await createTestUser())._id.toString();
    const before = MAX_ACTIVE_KEYS - 5;
    for (let i = 0; i < before; i++) await createApiKey(userId, `existing ${i}`);
    const { ok, errors } = await settle(
      Array.from({ length: 25 }, (_, i) => createApiKey(userId, `racer ${i}`)),
    );
    expect(ok).toHaveLength(5);
    expect(errors).toHaveLength(20);
    for (const e of errors) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('conflict');
    }
    expect(await active(userId)).toBe(MAX_ACTIVE_KEYS);
    // Revoking gives the slot back.
    await revokeApiKey(userId, ok[0]!.id);
    await expect(createApiKey(userId, 'after a revoke')).resolves.toMatchObject({
      name: 'after a revoke',
    });
    await expect(createApiKey(userId, 'one too many')).rejects.toMatchObject({ code: 'conflict' });
    expect(await active(userId)).toBe(MAX_ACTIVE_KEYS);
  });

  it('keys from before slots still count toward the cap', async () => {
    const userId = (await createTestUser())._id.toString();
    for (let i = 0; i < 3; i++) {
      const { prefix, keyHash } = generateApiKey();
      await ApiKey.create({ userId, name: `legacy ${i}`, prefix, keyHash });
    }
    const { ok } = await settle(
      Array.from({ length: 25 }, (_, i) => createApiKey(userId, `racer ${i}`)),
    );
    expect(ok).toHaveLength(MAX_ACTIVE_KEYS - 3);
    expect(await active(userId)).toBe(MAX_ACTIVE_KEYS);
  });

  it('10 concurrent regenerates of one key → one new active key, the old one revoked', async () => {
    const userId = (await createTestUser())._id.toString();
    // At the cap: a regeneration must still work (the new key takes the old key's slot).
    const keys = [];
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++) keys.push(await createApiKey(userId, `key ${i}`));
    const target = keys[0]!;
    const { ok, errors } = await settle(
      Array.from({ length: 10 }, () => regenerateApiKey(userId, target.id)),
    );
    expect(ok).toHaveLength(1);
    expect(errors).toHaveLength(9);
    for (const e of errors) expect((e as AppError).code).toMatch(/^(conflict|invalid_state)$/);
    const old = await ApiKey.findById(target.id).lean();
    expect(old?.revokedAt).toBeInstanceOf(Date);
    expect(old?.slotKey).toBeUndefined();
    const successors = await ApiKey.find({ replacesKeyId: old!._id }).lean();
    expect(successors).toHaveLength(1);
    expect(successors[0]?._id.toString()).toBe(ok[0]!.id);
    expect(successors[0]?.revokedAt).toBeUndefined();
    expect(successors[0]?.name).toBe(target.name);
    expect(await active(userId)).toBe(MAX_ACTIVE_KEYS);
    await expect(createApiKey(userId, 'still capped')).rejects.toMatchObject({ code: 'conflict' });
    // The new key can itself be regenerated once.
    await expect(regenerateApiKey(userId, ok[0]!.id)).resolves.toMatchObject({ name: target.name });
    expect(await active(userId)).toBe(MAX_ACTIVE_KEYS);
  });
});
