import { describe, expect, it } from 'vitest';
import { CreditTransaction, User } from '@/models';
import { upsertUserOnSignIn } from './upsert-user';

describe('upsertUserOnSignIn', () => {
  it('creates a new person as a plain active user, without granting credits at sign-in', async () => {
    const user = await upsertUserOnSignIn({
      email: 'New.Person@Example.com',
      name: 'New Person',
      image: 'https://img/p.png',
      provider: 'google',
      providerAccountId: 'g-123',
    });
    expect(user).toMatchObject({
      email: 'new.person@example.com',
      name: 'New Person',
      role: 'user',
      status: 'active',
      provider: 'google',
      providerAccountId: 'g-123',
      sessionVersion: 0,
    });
    expect(user.lastLoginAt).toBeInstanceOf(Date);
    // Free credits come only from the ledger's lazy top-up on first read or spend.
    expect(await CreditTransaction.countDocuments({ userId: user._id })).toBe(0);
    expect(user.freeCredits ?? 0).toBe(0);
  });

  it('updates a returning person (same record, new name/picture/login time), keeping their role', async () => {
    const first = await upsertUserOnSignIn({
      email: 'back@example.com',
      name: 'Old Name',
      provider: 'google',
    });
    await User.updateOne({ _id: first._id }, { $set: { role: 'finance_admin' } });
    await new Promise((r) => setTimeout(r, 5));
    const again = await upsertUserOnSignIn({
      email: 'BACK@example.com',
      name: 'New Name',
      image: 'https://img/new.png',
      provider: 'google',
    });
    expect(again._id.toString()).toBe(first._id.toString());
    expect(again).toMatchObject({
      name: 'New Name',
      image: 'https://img/new.png',
      role: 'finance_admin',
    });
    expect(again.lastLoginAt!.getTime()).toBeGreaterThan(first.lastLoginAt!.getTime());
    expect(await User.countDocuments({ email: 'back@example.com' })).toBe(1);
  });

  it('leaves a suspended account untouched (a refused sign-in is not a login)', async () => {
    const user = await User.create({
      email: 'blocked@example.com',
      status: 'suspended',
      role: 'user',
    });
    const result = await upsertUserOnSignIn({
      email: 'blocked@example.com',
      name: 'Changed',
      provider: 'google',
    });
    expect(result.status).toBe('suspended');
    const stored = await User.findById(user._id).lean();
    expect(stored?.name).toBeUndefined();
    expect(stored?.lastLoginAt).toBeUndefined();
  });

  it('creates one record when first sign-ins race', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        upsertUserOnSignIn({ email: 'race@example.com', provider: 'dev' }),
      ),
    );
    expect(new Set(results.map((u) => u._id.toString())).size).toBe(1);
    expect(await User.countDocuments({ email: 'race@example.com' })).toBe(1);
  });
});
