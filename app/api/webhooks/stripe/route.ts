import { apiRoute, readBodyCapped } from '@/lib/api';
import { processStripeWebhook } from '@/lib/billing';
import { STRIPE_EVENT_HANDLERS } from './handlers';

/** Stripe events are a few KB; the cap stops a huge (or endless chunked) body while it streams. */
const STRIPE_WEBHOOK_MAX_BYTES = 256 * 1024;

// POST /api/webhooks/stripe — Stripe events (and the local test checkout's), verified on the raw body
export const POST = apiRoute({ auth: 'none', rateLimit: 'stripeWebhook' }, async ({ req, log }) => {
  // The raw bytes, untouched, as text: the signature covers exactly these bytes.
  const rawBody = (await readBodyCapped(req, STRIPE_WEBHOOK_MAX_BYTES)).toString('utf8');
  return processStripeWebhook({
    rawBody,
    signature: req.headers.get('stripe-signature'),
    handlers: STRIPE_EVENT_HANDLERS,
    log,
  });
});
