import { apiRoute } from '@/lib/api';
import { processStripeWebhook } from '@/lib/billing';
import { STRIPE_EVENT_HANDLERS } from './handlers';

// POST /api/webhooks/stripe — Stripe events (and the local test checkout's), verified on the raw body
export const POST = apiRoute({ auth: 'none', rateLimit: 'stripeWebhook' }, async ({ req, log }) => {
  // The raw text, untouched: the signature covers these exact bytes.
  const rawBody = await req.text();
  return processStripeWebhook({
    rawBody,
    signature: req.headers.get('stripe-signature'),
    handlers: STRIPE_EVENT_HANDLERS,
    log,
  });
});
