import Stripe from 'stripe';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * The typed wrapper around the Stripe SDK (STYLE rule 7): the rest of the
 * code sees domain types (CheckoutSessionInfo, ChargeInfo, DisputeInfo),
 * never SDK objects, and SDK failures become AppErrors classified retryable
 * (502/503: try again) or final.
 */

export interface StripeClientConfig {
  secretKey: string;
  /** e.g. http://127.0.0.1:12111 for stripe-mock. */
  apiUrl?: string;
}

export interface CheckoutSessionInfo {
  id: string;
  /** open | complete | expired (Stripe may add values). */
  status: string | null;
  /** paid | unpaid | no_payment_required: credits are granted only for `paid`. */
  paymentStatus: string;
  amountTotal: number | null;
  currency: string | null;
  clientReferenceId: string | null;
  customerId: string | null;
  paymentIntentId: string | null;
  invoiceId: string | null;
  url: string | null;
  metadata: Record<string, string>;
}

export interface ChargeInfo {
  id: string;
  paymentIntentId: string | null;
  amount: number;
  amountRefunded: number;
  currency: string;
  receiptUrl: string | null;
}

export interface DisputeInfo {
  id: string;
  chargeId: string | null;
  paymentIntentId: string | null;
  amount: number;
  currency: string;
  status: string;
}

export interface CheckoutReceiptDetails {
  chargeId: string | null;
  receiptUrl: string | null;
  invoiceUrl: string | null;
}

export interface CreateCheckoutSessionParams {
  customerId: string;
  clientReferenceId: string;
  productName: string;
  unitAmountCents: number;
  currency: string;
  metadata: Record<string, string>;
  successUrl: string;
  cancelUrl: string;
}

const idOf = (v: string | { id: string } | null | undefined): string | null =>
  v == null ? null : typeof v === 'string' ? v : v.id;

// ---- mappers -------------------------------------------------------------------

export function toCheckoutSessionInfo(s: Stripe.Checkout.Session): CheckoutSessionInfo {
  return {
    id: s.id,
    status: s.status ?? null,
    paymentStatus: s.payment_status,
    amountTotal: s.amount_total ?? null,
    currency: s.currency ? s.currency.toLowerCase() : null,
    clientReferenceId: s.client_reference_id ?? null,
    customerId: idOf(s.customer),
    paymentIntentId: idOf(s.payment_intent),
    invoiceId: idOf(s.invoice),
    url: s.url ?? null,
    metadata: { ...(s.metadata ?? {}) },
  };
}

export function toChargeInfo(c: Stripe.Charge): ChargeInfo {
  return {
    id: c.id,
    paymentIntentId: idOf(c.payment_intent),
    amount: c.amount,
    amountRefunded: c.amount_refunded,
    currency: c.currency.toLowerCase(),
    receiptUrl: c.receipt_url ?? null,
  };
}

export function toDisputeInfo(d: Stripe.Dispute): DisputeInfo {
  return {
    id: d.id,
    chargeId: idOf(d.charge),
    paymentIntentId: idOf(d.payment_intent),
    amount: d.amount,
    currency: d.currency.toLowerCase(),
    status: d.status,
  };
}

// ---- failures ------------------------------------------------------------------

/** Retryable: network, rate limit, Stripe 5xx. Final: everything the request itself got wrong. */
export function toStripeAppError(err: unknown, what: string): AppError {
  if (err instanceof Stripe.errors.StripeIdempotencyError) {
    return new AppError(
      'idempotency_conflict',
      'This Idempotency-Key was used with different parameters',
      { cause: err },
    );
  }
  if (
    err instanceof Stripe.errors.StripeConnectionError ||
    err instanceof Stripe.errors.StripeRateLimitError
  ) {
    return new AppError(
      'service_unavailable',
      `Stripe is unreachable (${what}). Try again shortly.`,
      { cause: err, retryAfter: 5 },
    );
  }
  if (
    err instanceof Stripe.errors.StripeAPIError ||
    (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 0) >= 500)
  ) {
    return new AppError('provider_error', `Stripe failed (${what}). Try again shortly.`, {
      cause: err,
    });
  }
  if (
    err instanceof Stripe.errors.StripeAuthenticationError ||
    err instanceof Stripe.errors.StripePermissionError
  ) {
    return new AppError('misconfigured', `Stripe refused our credentials (${what})`, {
      cause: err,
    });
  }
  if (err instanceof Stripe.errors.StripeError) {
    return new AppError('provider_error', `Stripe refused the request (${what}): ${err.message}`, {
      cause: err,
    });
  }
  return new AppError('provider_error', `Stripe call failed (${what})`, { cause: err });
}

export function isRetryableStripeError(err: AppError): boolean {
  return (
    err.code === 'service_unavailable' ||
    (err.code === 'provider_error' && err.cause instanceof Stripe.errors.StripeAPIError)
  );
}

// ---- client --------------------------------------------------------------------

function sdkOptions(apiUrl?: string): Stripe.StripeConfig {
  const opts: Stripe.StripeConfig = {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'TrailRoom' },
  };
  if (apiUrl) {
    const u = new URL(apiUrl);
    const protocol = u.protocol === 'http:' ? 'http' : 'https';
    opts.host = u.hostname;
    opts.port = u.port || (protocol === 'http' ? 80 : 443);
    opts.protocol = protocol;
  }
  return opts;
}

export interface StripeClient {
  createCustomer(input: { email: string; userId: string }, idempotencyKey: string): Promise<string>;
  createCheckoutSession(
    params: CreateCheckoutSessionParams,
    idempotencyKey: string,
  ): Promise<CheckoutSessionInfo>;
  /** Receipt and invoice links and the charge of a completed session. */
  retrieveReceiptDetails(sessionId: string): Promise<CheckoutReceiptDetails>;
  /** The Checkout Session that created a PaymentIntent (for a refund or dispute seen before its checkout). */
  findSessionIdByPaymentIntent(paymentIntentId: string): Promise<string | null>;
  /** Refunds (part of) a payment; credits are taken back when `charge.refunded` arrives. */
  createRefund(params: CreateRefundParams, idempotencyKey: string): Promise<RefundInfo>;
}

export interface CreateRefundParams {
  paymentIntentId: string;
  amountCents: number;
  metadata: Record<string, string>;
}

export interface RefundInfo {
  id: string;
  amountCents: number;
  /** pending | requires_action | succeeded | failed | canceled */
  status: string | null;
  chargeId: string | null;
}

export function createStripeClient(config: StripeClientConfig): StripeClient {
  const stripe = new Stripe(config.secretKey, sdkOptions(config.apiUrl));
  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw toStripeAppError(err, what);
    }
  };
  return {
    createCustomer: ({ email, userId }, idempotencyKey) =>
      call('create customer', async () => {
        const c = await stripe.customers.create(
          { email, metadata: { user_id: userId } },
          { idempotencyKey },
        );
        return c.id;
      }),
    createCheckoutSession: (p, idempotencyKey) =>
      call('create checkout session', async () => {
        const s = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            customer: p.customerId,
            client_reference_id: p.clientReferenceId,
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: p.currency,
                  unit_amount: p.unitAmountCents,
                  product_data: { name: p.productName },
                },
              },
            ],
            metadata: p.metadata,
            payment_intent_data: { metadata: p.metadata },
            invoice_creation: { enabled: true, invoice_data: { metadata: p.metadata } },
            success_url: p.successUrl,
            cancel_url: p.cancelUrl,
          },
          { idempotencyKey },
        );
        return toCheckoutSessionInfo(s);
      }),
    retrieveReceiptDetails: (sessionId) =>
      call('retrieve checkout session', async () => {
        const s = await stripe.checkout.sessions.retrieve(sessionId, {
          expand: ['invoice', 'payment_intent.latest_charge'],
        });
        const invoice = s.invoice && typeof s.invoice === 'object' ? s.invoice : null;
        const pi =
          s.payment_intent && typeof s.payment_intent === 'object' ? s.payment_intent : null;
        const charge =
          pi?.latest_charge && typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
        return {
          chargeId: charge?.id ?? idOf(pi?.latest_charge),
          receiptUrl: charge?.receipt_url ?? null,
          invoiceUrl: invoice?.hosted_invoice_url ?? null,
        };
      }),
    createRefund: (p, idempotencyKey) =>
      call('create refund', async () => {
        const r = await stripe.refunds.create(
          {
            payment_intent: p.paymentIntentId,
            amount: p.amountCents,
            reason: 'requested_by_customer',
            metadata: p.metadata,
          },
          { idempotencyKey },
        );
        return {
          id: r.id,
          amountCents: r.amount,
          status: r.status ?? null,
          chargeId: idOf(r.charge),
        };
      }),
    findSessionIdByPaymentIntent: (paymentIntentId) =>
      call('list checkout sessions', async () => {
        const list = await stripe.checkout.sessions.list({
          payment_intent: paymentIntentId,
          limit: 1,
        });
        return list.data[0]?.id ?? null;
      }),
  };
}

const g = globalThis as typeof globalThis & { __trailroomStripe?: StripeClient };

/** The client configured from env (STRIPE_SECRET_KEY, STRIPE_API_URL); misconfigured when unset. */
export function stripeClient(): StripeClient {
  if (!env.STRIPE_SECRET_KEY) throw new AppError('misconfigured', 'STRIPE_SECRET_KEY is not set');
  return (g.__trailroomStripe ??= createStripeClient({
    secretKey: env.STRIPE_SECRET_KEY,
    apiUrl: env.STRIPE_API_URL,
  }));
}

// ---- webhook signatures ----------------------------------------------------------

/** Verifies the signature over the raw body and parses the event; throws on any mismatch. */
export function constructStripeEvent(
  rawBody: string,
  signature: string,
  secret: string,
  toleranceSeconds: number,
): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret, toleranceSeconds);
}

/** The `Stripe-Signature` header for a payload: the local checkout and the tests sign with the SDK's own helper. */
export function signStripePayload(
  payload: string,
  secret: string,
  timestampSeconds?: number,
): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(timestampSeconds === undefined ? {} : { timestamp: timestampSeconds }),
  });
}

export type { Stripe };
