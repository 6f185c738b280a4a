import { User } from '@/models';
import { grantPurchasedCredits } from '@/lib/credits/grant-purchased-credits';

let n = 0;

/** A real user document; with `paid`, that many purchased credits through the ledger. */
export async function makeUser(opts: { paid?: number; email?: string } = {}): Promise<string> {
  n += 1;
  const user = await User.create({ email: opts.email ?? `ledger-${n}-${Date.now()}@example.com` });
  const id = user._id.toString();
  if (opts.paid) {
    await grantPurchasedCredits({
      userId: id,
      credits: opts.paid,
      idempotencyKey: `purchase:fixture-${id}`,
      description: 'fixture purchase',
      referenceType: 'payment',
      actor: { type: 'system' },
    });
  }
  return id;
}
