import { describe, expect, it } from 'vitest';
import { Prompt, User } from '@/models';
import { seed } from './seed';

describe('seed', () => {
  it('creates the super admin, the demo shopper and one active prompt per type, once', async () => {
    const first = await seed();
    // Super admin, demo shopper, and v1 of each prompt type (system, top_only, full_outfit, one_piece).
    expect(first.created.length).toBe(2 + 4);
    const second = await seed();
    expect(second.created).toEqual([]);
    expect(await User.countDocuments()).toBe(2);
    expect((await User.findOne({ email: first.adminEmail }).lean())?.role).toBe('super_admin');
    const prompts = await Prompt.find({ active: true }).lean();
    expect(prompts.map((p) => p.type).sort()).toEqual([
      'full_outfit',
      'one_piece',
      'system',
      'top_only',
    ]);
  });
});
