import { User } from '@/models';
import { notFound } from '@/lib/errors';
import { stripeClient } from './stripe-client';

/**
 * The user's Stripe customer, created once and reused. Two first checkouts
 * racing (and FerretDB's non-atomic updates) cannot make two customers: the
 * create carries the idempotency key `customer:<userId>`, so Stripe answers
 * both with the same customer, and both write the same id.
 */
export async function ensureStripeCustomer(userId: string): Promise<string> {
  const user = await User.findById(userId).select('email stripeCustomerId').lean();
  if (!user) throw notFound('User');
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const customerId = await stripeClient().createCustomer(
    { email: user.email, userId },
    `customer:${userId}`,
  );
  await User.updateOne({ _id: userId }, { $set: { stripeCustomerId: customerId } });
  return customerId;
}
