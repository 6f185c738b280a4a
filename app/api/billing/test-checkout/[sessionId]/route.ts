import { NextRequest } from 'next/server';
import { apiRoute, errorResponse, readJson } from '@/lib/api';
import {
  buildLocalCheckoutEvent,
  localCheckoutActionSchema,
  sessionIdParamSchema,
} from '@/lib/billing';
import { localCheckoutEnabled } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { POST as stripeWebhook } from '@/app/api/webhooks/stripe/route';
import { ownerIdFor } from '@/lib/orgs';

// POST /api/billing/test-checkout/{sessionId} — Pay or Cancel on the local test checkout (never in production)
const handler = apiRoute<{ sessionId: string }>(
  { auth: 'user', sessionOnly: true, rateLimit: 'checkout' },
  async ({ req, params, caller }) => {
    const { sessionId } = sessionIdParamSchema.parse(params);
    const { action } = localCheckoutActionSchema.parse(await readJson(req));
    const signed = await buildLocalCheckoutEvent({
      sessionId,
      userId: ownerIdFor(caller, 'billing:manage'),
      action,
    });
    // Delivered to the real webhook route: same signature check, de-duplication and handlers as Stripe's events.
    const delivery = await stripeWebhook(
      new NextRequest(new URL('/api/webhooks/stripe', req.url), {
        method: 'POST',
        body: signed.payload,
        headers: { 'content-type': 'application/json', 'stripe-signature': signed.signature },
      }),
      { params: Promise.resolve({}) },
    );
    if (!delivery.ok) return delivery;
    return { redirect_to: signed.redirectTo };
  },
);

// Outside the local checkout mode (production, or a real Stripe key) this route does not exist.
export const POST = localCheckoutEnabled
  ? handler
  : async () => errorResponse(notFound(), crypto.randomUUID());
