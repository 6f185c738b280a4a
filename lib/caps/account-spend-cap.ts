import { z } from 'zod';
import { Organization, User } from '@/models';
import { notFound } from '@/lib/errors';
import { findOwner } from '@/lib/orgs/find-owner';
import { capUsage } from './cap-usage';
import { utcMonthPeriod } from './periods';

export const MAX_MONTHLY_SPEND_CAP = 100_000_000;

export const updateSpendCapBody = z
  .object({
    monthly_cap: z.number().int().min(1).max(MAX_MONTHLY_SPEND_CAP).nullable().meta({
      description: 'Credits the account may spend per UTC calendar month; null removes the cap',
    }),
  })
  .strict()
  .meta({ id: 'UpdateSpendCap' });

export const spendCapSchema = z
  .object({
    monthly_cap: z.number().int().nullable(),
    used_this_month: z
      .number()
      .int()
      .meta({ description: 'Credits reserved this month by live try-ons (refunds given back)' }),
    period: z.string().meta({ description: 'The UTC month, YYYY-MM' }),
    resets_at: z.iso.datetime(),
  })
  .meta({ id: 'SpendCap' });

export type SpendCapView = z.infer<typeof spendCapSchema>;

/** The account's monthly cap (person or organisation), or null when it has none. */
export async function accountMonthlyCap(ownerId: string): Promise<number | null> {
  const owner = await findOwner(ownerId);
  if (!owner) return null;
  const doc = owner.type === 'user' ? owner.user : owner.org;
  return (doc as { monthlySpendCap?: number | null }).monthlySpendCap ?? null;
}

/** The account's monthly cap and what this month has used of it. */
export async function getAccountSpendCap(ownerId: string, now = new Date()): Promise<SpendCapView> {
  const period = utcMonthPeriod(now);
  const [cap, used] = await Promise.all([
    accountMonthlyCap(ownerId),
    capUsage('account_monthly', ownerId, period.periodKey),
  ]);
  return {
    monthly_cap: cap,
    used_this_month: used,
    period: period.periodKey,
    resets_at: period.resetsAt.toISOString(),
  };
}

/**
 * Sets (or with null removes) the account's monthly cap; the same function
 * serves a person's account page and an organisation's settings. A cap below
 * this month's use refuses every further spend until the month ends.
 */
export async function setAccountSpendCap(
  ownerId: string,
  cap: number | null,
): Promise<SpendCapView> {
  const owner = await findOwner(ownerId);
  if (!owner) throw notFound('Account');
  const update =
    cap === null ? { $unset: { monthlySpendCap: 1 } } : { $set: { monthlySpendCap: cap } };
  if (owner.type === 'user') await User.updateOne({ _id: owner.id }, update);
  else await Organization.updateOne({ _id: owner.id }, update);
  return getAccountSpendCap(ownerId);
}
