import { Organization, User } from '@/models';
import { notFound } from '@/lib/errors';
import { findOwner } from '@/lib/orgs/find-owner';
import { stripeClient } from './stripe-client';

/**
 * The owner's Stripe customer (a person's, or an organisation's), created
 * once and reused. Two first checkouts racing (and FerretDB's non-atomic
 * updates) cannot make two customers: the create carries the idempotency key
 * `customer:<ownerId>`, so Stripe answers both with the same customer, and
 * both write the same id. An organisation's customer takes the email of the
 * member who first buys for it (receipts go there).
 */
export async function ensureStripeCustomer(userId: string, buyerEmail?: string): Promise<string> {
  const owner = await findOwner(userId);
  if (!owner) throw notFound('User');
  if (owner.type === 'organization') {
    if (owner.org.stripeCustomerId) return owner.org.stripeCustomerId;
    const customerId = await stripeClient().createCustomer(
      { email: buyerEmail ?? '', userId },
      `customer:${userId}`,
    );
    await Organization.updateOne({ _id: userId }, { $set: { stripeCustomerId: customerId } });
    return customerId;
  }
  const user = owner.user;
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const customerId = await stripeClient().createCustomer(
    { email: user.email, userId },
    `customer:${userId}`,
  );
  await User.updateOne({ _id: userId }, { $set: { stripeCustomerId: customerId } });
  return customerId;
}
