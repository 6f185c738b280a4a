import { config, z } from 'zod';
import { PRICING } from '@/lib/pricing/config';

// Before this module's object schema exists: zod otherwise probes
// `new Function` once, which the pages' CSP (no 'unsafe-eval') reports as a
// violation in the browser. Without the JIT parser zod is a little slower,
// which the one small schema here does not notice.
if (typeof window !== 'undefined') config({ jitless: true });

/**
 * The checkout request and answer, browser-safe (zod and the pricing config
 * only, no models): the route validates with the same schema the pricing form
 * checks before it posts.
 */
export const checkoutRequestSchema = z
  .object({
    credits: z
      .number({ error: 'Enter a whole number of credits.' })
      .int('credits must be a whole number')
      .min(PRICING.minCredits, `credits must be at least ${PRICING.minCredits}`)
      .max(PRICING.maxCredits, `credits must be at most ${PRICING.maxCredits}`),
  })
  .strict();
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

export const checkoutResponseSchema = z.object({
  checkout_session_id: z.string(),
  url: z.string(),
  credits: z.number().int(),
  amount_cents: z.number().int(),
  currency: z.string(),
  pricing_version: z.string(),
  test_mode: z
    .boolean()
    .describe('true when the local test checkout stands in for Stripe: no real payment'),
});
export type CheckoutResponse = z.infer<typeof checkoutResponseSchema>;
