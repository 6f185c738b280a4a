import { describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { User } from '@/models';
import { connectDb, pingDb } from './connect';
import { isDuplicateKeyError } from '@/lib/errors';

describe('database (real server)', () => {
  it('connects once and answers a ping', async () => {
    const a = await connectDb();
    const b = await connectDb();
    expect(a).toBe(b);
    const ping = await pingDb();
    expect(ping.ok).toBe(true);
  });

  it('enforces the unique email index, case-insensitively through lowercase', async () => {
    await User.create({ email: 'Someone@Example.com' });
    const err = await User.create({ email: 'someone@example.com' }).catch((e: unknown) => e);
    expect(isDuplicateKeyError(err)).toBe(true);
  });

  it('rejects documents that break schema validation', async () => {
    await expect(User.create({ email: 'x@example.com', role: 'emperor' as never })).rejects.toThrow(
      /role/,
    );
  });

  it('an unreachable server fails fast with a clear error instead of hanging', async () => {
    const started = Date.now();
    const conn = mongoose.createConnection('mongodb://127.0.0.1:9/none', {
      serverSelectionTimeoutMS: 500,
    });
    await expect(conn.asPromise()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
    await conn.close().catch(() => undefined);
  });
});
