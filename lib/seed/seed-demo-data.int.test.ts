import { describe, expect, it } from 'vitest';
import { getBalance, reconcile } from '@/lib/credits';
import { env } from '@/lib/env';
import { TryonJob, User } from '@/models';
import { seed } from './seed';
import { DEMO_WELCOME_CREDITS, seedDemoData } from './seed-demo-data';

describe('demo data', () => {
  it('gives the demo shopper welcome credits and two finished try-ons, once', async () => {
    await seed();
    expect(await seedDemoData()).toHaveLength(1);
    const demo = await User.findOne({ email: env.SEED_DEMO_EMAIL }).lean();
    const jobs = await TryonJob.find({ userId: demo!._id }).sort({ mode: 1 }).lean();
    expect(jobs.map((j) => [j.mode, j.status])).toEqual([
      ['full', 'completed'],
      ['top', 'completed'],
    ]);
    // 3 free today + the welcome credits − 1 (top) − 2 (full).
    const balance = await getBalance(demo!._id.toString());
    expect(balance.free + balance.paid).toBe(3 + DEMO_WELCOME_CREDITS - 3);

    expect(await seedDemoData()).toEqual([]);
    expect(await TryonJob.countDocuments({ userId: demo!._id })).toBe(2);
    const report = await reconcile({ repair: false });
    expect(report).toMatchObject({ ok: true, differences: [], inconsistencies: [] });
  });
});
