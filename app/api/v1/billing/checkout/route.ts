import { apiRoute, readJson } from '@/lib/api';
import { checkoutRequestSchema, createCheckout } from '@/lib/billing';
import { ownerIdFor } from '@/lib/orgs';

// POST /api/v1/billing/checkout — start buying credits (Stripe Checkout, or the local test checkout; ?return_to=studio)
export const POST = apiRoute(
  { auth: 'user', sessionOnly: true, rateLimit: 'checkout' },
  async ({ req, caller }) => {
    const { credits } = checkoutRequestSchema.parse(await readJson(req));
    const clientKey = req.headers.get('idempotency-key')?.trim().slice(0, 200) || undefined;
    // `?return_to=studio`: an in-app purchase from the studio returns there, paid or cancelled.
    const returnTo = req.nextUrl.searchParams.get('return_to') === 'studio' ? 'studio' : undefined;
    const result = await createCheckout({
      userId: ownerIdFor(caller, 'billing:manage'),
      buyerEmail: caller.email,
      credits,
      ...(clientKey ? { clientKey } : {}),
      ...(returnTo ? { returnTo } : {}),
    });
    return {
      checkout_session_id: result.checkoutSessionId,
      url: result.url,
      credits: result.quote.credits,
      amount_cents: result.quote.totalCents,
      currency: result.quote.currency,
      pricing_version: result.quote.pricingVersion,
      test_mode: result.testMode,
    };
  },
);
