import { Types } from 'mongoose';
import { Payment } from '@/models';
import { isDuplicateKeyError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { ownerTypeOf } from '@/lib/orgs/find-owner';
import { isValidCreditAmount, quotePrice } from '@/lib/pricing';
import { findPaymentBySession } from './find-payment';
import { flagPayment, grantPayment, paymentMismatch } from './grant-payment';
import { refreshPayment } from './refresh-payment';
import { stripeClient, type CheckoutSessionInfo } from './stripe-client';
import type { WebhookOutcome } from './process-stripe-webhook';

/**
 * checkout.session.completed / async_payment_succeeded: grants the credits
 * when the session is paid and agrees with the payment recorded at checkout
 * (amount, currency, user, credits); refuses and flags it otherwise.
 * `unpaid` (an async method still clearing) marks the payment pending.
 */
export async function fulfilCheckout(session: CheckoutSessionInfo): Promise<WebhookOutcome> {
  const payment = await findPaymentBySession(session.id);
  if (!payment) return recordUnknownSession(session);

  const ids = {
    ...(session.paymentIntentId ? { paymentIntentId: session.paymentIntentId } : {}),
    ...(session.customerId ? { customerId: session.customerId } : {}),
  };
  if (Object.keys(ids).length) await Payment.updateOne({ _id: payment._id }, { $set: ids });

  const mismatch = paymentMismatch(payment, {
    amountCents: session.amountTotal,
    currency: session.currency,
    userId: session.metadata.user_id ?? session.clientReferenceId,
    credits: session.metadata.credits ?? null,
  });
  if (mismatch) {
    logger.warn(
      { paymentId: payment._id.toString(), sessionId: session.id, mismatch },
      'checkout refused: does not match the payment record',
    );
    await flagPayment(payment, mismatch);
    return 'processed';
  }
  if (session.paymentStatus !== 'paid') {
    if (payment.status === 'created')
      await Payment.updateOne({ _id: payment._id }, { $set: { status: 'pending' } });
    return 'processed';
  }
  await grantPayment(payment);
  if (payment.provider === 'stripe') await attachReceipt(payment._id, session.id);
  return 'processed';
}

/** Receipt and invoice links: nice to have, never worth failing (and re-running) a grant for. */
async function attachReceipt(paymentId: Types.ObjectId, sessionId: string): Promise<void> {
  try {
    const d = await stripeClient().retrieveReceiptDetails(sessionId);
    const set = {
      ...(d.chargeId ? { chargeId: d.chargeId } : {}),
      ...(d.receiptUrl ? { receiptUrl: d.receiptUrl } : {}),
      ...(d.invoiceUrl ? { invoiceUrl: d.invoiceUrl } : {}),
    };
    if (Object.keys(set).length) await Payment.updateOne({ _id: paymentId }, { $set: set });
  } catch (err) {
    logger.warn(
      { sessionId, err: err instanceof Error ? err.message : String(err) },
      'could not fetch receipt links',
    );
  }
}

/**
 * A completed session with no payment record: never expected (the record is
 * written before the customer gets the checkout URL). If its metadata says it
 * is ours, keep a flagged record for finance — not granted; otherwise it
 * belongs to something else on the same Stripe account: ignore it.
 */
async function recordUnknownSession(session: CheckoutSessionInfo): Promise<WebhookOutcome> {
  const userId = session.metadata.user_id;
  const credits = Number(session.metadata.credits);
  if (!userId || !Types.ObjectId.isValid(userId) || !isValidCreditAmount(credits)) return 'ignored';
  if (!(await ownerTypeOf(userId))) return 'ignored';
  const quote = quotePrice(credits);
  try {
    const doc = await Payment.create({
      userId,
      provider: session.id.startsWith('cs_local_') ? 'local' : 'stripe',
      checkoutSessionId: session.id,
      ...(session.paymentIntentId ? { paymentIntentId: session.paymentIntentId } : {}),
      credits,
      currency: session.currency ?? quote.currency,
      listAmountCents: quote.listCents,
      discountCents: quote.discountCents,
      amountCents: session.amountTotal ?? 0,
      discountBps: quote.discountBps,
      pricingVersion: session.metadata.pricing_version ?? 'unknown',
      status: 'flagged',
      flaggedReason: 'no payment record for this checkout session: not granted, review',
    });
    await refreshPayment(doc._id.toString());
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  logger.error(
    { sessionId: session.id, userId },
    'completed checkout session without a payment record: flagged',
  );
  return 'processed';
}
