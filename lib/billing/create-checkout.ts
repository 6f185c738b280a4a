import { createHash, randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { Payment, type PaymentDoc } from '@/models';
import { localCheckoutEnabled } from '@/lib/env';
import { AppError, isDuplicateKeyError } from '@/lib/errors';
import { PriceRangeError, quotePrice, type PriceQuote } from '@/lib/pricing';
import { checkoutUrls, localCheckoutUrl, stripeConfigured, type CheckoutReturnTo } from './config';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { stripeClient } from './stripe-client';

export interface CreateCheckoutInput {
  /** The owner id: the person's, or the organisation's (credits go to its ledger). */
  userId: string;
  /** The email of the person buying (an organisation's first Stripe customer takes it). */
  buyerEmail?: string;
  credits: number;
  /** Optional client `Idempotency-Key`: the same key returns the same checkout. */
  clientKey?: string;
  /** Where the shopper goes back to after paying or cancelling (default: billing / pricing). */
  returnTo?: CheckoutReturnTo;
}

export interface CheckoutResult {
  checkoutSessionId: string;
  url: string;
  quote: PriceQuote;
  testMode: boolean;
}

function quoteOrThrow(credits: number): PriceQuote {
  try {
    return quotePrice(credits);
  } catch (err) {
    if (err instanceof PriceRangeError) throw new AppError('validation_error', err.message);
    throw err;
  }
}

const productName = (credits: number) => `${credits.toLocaleString('en-US')} TrailRoom credits`;

/**
 * Starts a purchase: prices it on the server, opens a Stripe Checkout Session
 * (or the local test checkout when Stripe is not configured) and records the
 * payment as `created`. Credits are granted only by the webhook.
 */
export async function createCheckout(input: CreateCheckoutInput): Promise<CheckoutResult> {
  const quote = quoteOrThrow(input.credits);
  const paymentId = new Types.ObjectId();
  const metadata = {
    user_id: input.userId,
    payment_id: paymentId.toString(),
    credits: String(quote.credits),
    pricing_version: quote.pricingVersion,
  };
  // One Stripe idempotency key per attempt; a client key makes retries of one attempt share it.
  const attemptKey = input.clientKey
    ? createHash('sha256').update(`${input.userId}:${input.clientKey}`).digest('hex').slice(0, 32)
    : paymentId.toString();

  let provider: 'stripe' | 'local';
  let sessionId: string;
  let url: string;
  let customerId: string | undefined;
  let paymentIntentId: string | undefined;
  if (stripeConfigured()) {
    provider = 'stripe';
    customerId = await ensureStripeCustomer(input.userId, input.buyerEmail);
    const urls = checkoutUrls(input.returnTo);
    const session = await stripeClient().createCheckoutSession(
      {
        customerId,
        clientReferenceId: input.userId,
        productName: productName(quote.credits),
        unitAmountCents: quote.totalCents,
        currency: quote.currency,
        metadata,
        successUrl: urls.success,
        cancelUrl: urls.cancel,
      },
      `checkout:${attemptKey}`,
    );
    sessionId = session.id;
    url = session.url ?? urls.cancel;
  } else if (!localCheckoutEnabled) {
    // Production without a Stripe key: there is no way to take money.
    throw new AppError('service_unavailable', 'Payments are not configured on this server');
  } else {
    // Local test checkout: ids shaped like Stripe's, marked `local` so they never collide.
    provider = 'local';
    const suffix = input.clientKey ? attemptKey : randomBytes(12).toString('hex');
    sessionId = `cs_local_${suffix}`;
    paymentIntentId = `pi_local_${suffix}`;
    url = localCheckoutUrl(sessionId, input.returnTo);
  }

  try {
    await Payment.create({
      _id: paymentId,
      userId: input.userId,
      provider,
      checkoutSessionId: sessionId,
      ...(customerId ? { customerId } : {}),
      ...(paymentIntentId ? { paymentIntentId } : {}),
      credits: quote.credits,
      currency: quote.currency,
      listAmountCents: quote.listCents,
      discountCents: quote.discountCents,
      amountCents: quote.totalCents,
      discountBps: quote.discountBps,
      pricingVersion: quote.pricingVersion,
      status: 'created',
    });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    // The same client key came back (Stripe returned the same session): answer with the first record.
    const existing = await Payment.findOne({
      checkoutSessionId: sessionId,
    }).lean<PaymentDoc>();
    if (!existing || existing.userId.toString() !== input.userId) throw err;
    return {
      checkoutSessionId: sessionId,
      url,
      quote: quotePrice(existing.credits),
      testMode: provider === 'local',
    };
  }
  return { checkoutSessionId: sessionId, url, quote, testMode: provider === 'local' };
}
