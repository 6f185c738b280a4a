import { Prompt, User } from '@/models';
import { PROMPT_TYPES } from '@/models/prompt';
import { ensureIndexes } from '@/lib/db';
import { env } from '@/lib/env';
import { ensureActivationLog } from '@/lib/prompts/activate-prompt-version';
import { DEFAULT_PROMPTS } from './default-prompts';

export interface SeedResult {
  adminEmail: string;
  demoEmail: string;
  created: string[];
}

/** Idempotent: safe to run on every start; changes nothing the second time. */
export async function seed(): Promise<SeedResult> {
  await ensureIndexes();
  const created: string[] = [];

  const admin = await User.updateOne(
    { email: env.SEED_ADMIN_EMAIL },
    {
      $setOnInsert: {
        email: env.SEED_ADMIN_EMAIL,
        name: 'TrailRoom Admin',
        role: 'super_admin',
        status: 'active',
        provider: 'seed',
        sessionVersion: 0,
      },
    },
    { upsert: true },
  );
  if (admin.upsertedCount) created.push(`super admin ${env.SEED_ADMIN_EMAIL}`);

  const demo = await User.updateOne(
    { email: env.SEED_DEMO_EMAIL },
    {
      $setOnInsert: {
        email: env.SEED_DEMO_EMAIL,
        name: 'Demo Shopper',
        role: 'user',
        status: 'active',
        provider: 'seed',
        sessionVersion: 0,
      },
    },
    { upsert: true },
  );
  if (demo.upsertedCount) created.push(`demo shopper ${env.SEED_DEMO_EMAIL}`);

  for (const type of PROMPT_TYPES) {
    const exists = await Prompt.exists({ type });
    // The activation log names the active version (lib/prompts); start it from the flag.
    if (exists) {
      await ensureActivationLog(type);
      continue;
    }
    await Prompt.create({
      type,
      version: 1,
      content: DEFAULT_PROMPTS[type],
      active: true,
      note: 'Initial version',
      createdBy: 'seed',
    });
    await ensureActivationLog(type);
    created.push(`prompt ${type} v1`);
  }

  return { adminEmail: env.SEED_ADMIN_EMAIL, demoEmail: env.SEED_DEMO_EMAIL, created };
}
