'use client';

import { useRouter } from 'next/navigation';
import { api, ApiError, useApiAction } from '@/lib/client';
import { checkoutRequestSchema, type CheckoutResponse } from '@/lib/billing/checkout-schema';

const REMEMBER_KEY = 'trailroom.checkout.credits';

/** The amount the shopper last took to checkout in this tab (it survives a cancelled checkout). */
export function rememberedCredits(): number | null {
  try {
    const n = Number(window.sessionStorage.getItem(REMEMBER_KEY));
    return checkoutRequestSchema.safeParse({ credits: n }).success ? n : null;
  } catch {
    return null;
  }
}

function remember(credits: number) {
  try {
    window.sessionStorage.setItem(REMEMBER_KEY, String(credits));
  } catch {
    // Storage off (private mode): the amount is simply not kept.
  }
}

/** The first message of the checkout schema for this amount, or null when it may be bought. */
export function checkoutAmountError(credits: number): string | null {
  const parsed = checkoutRequestSchema.safeParse({ credits });
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Choose another amount.');
}

/**
 * Starts a checkout for an amount: validated with the route's own schema,
 * remembered for the way back, then the browser goes to Stripe (or the local
 * test checkout). Signed out (401): to sign-in, coming back to `returnTo`.
 */
export function useCheckout(returnTo: (credits: number) => string) {
  const router = useRouter();
  return useApiAction(
    async (credits: number) => {
      const body = checkoutRequestSchema.parse({ credits });
      remember(body.credits);
      try {
        const res = await api<CheckoutResponse>('/api/v1/billing/checkout', { json: body });
        window.location.assign(res.url);
        return res;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          router.push(`/signin?callbackUrl=${encodeURIComponent(returnTo(credits))}`);
          return undefined;
        }
        throw err;
      }
    },
    { fallback: 'Could not start the checkout.' },
  );
}
