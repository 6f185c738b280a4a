'use client';

import { useState } from 'react';
import { Price } from '@/components/price';
import { Button } from '@/components/ui/button';
import type { LocalCheckoutView } from '@/lib/billing';
import { api, useApiAction } from '@/lib/client';
import { formatCount } from '@/lib/format';

/** Where the browser goes after Pay or Cancel: the route's answer, or back to the studio. */
function nextUrl(redirectTo: string, action: 'pay' | 'cancel', returnTo: 'studio' | null) {
  if (returnTo !== 'studio') return redirectTo;
  if (action === 'cancel') return '/studio?checkout=canceled';
  return `${redirectTo}${redirectTo.includes('?') ? '&' : '?'}return_to=studio`;
}

export function TestCheckoutClient({
  checkout,
  returnTo = null,
}: {
  checkout: LocalCheckoutView;
  returnTo?: 'studio' | null;
}) {
  const [pending, setPending] = useState<'pay' | 'cancel' | null>(null);
  const open = checkout.status === 'created' || checkout.status === 'pending';
  const action = useApiAction(
    async (which: 'pay' | 'cancel') => {
      setPending(which);
      try {
        const body = await api<{ redirect_to?: string }>(
          `/api/billing/test-checkout/${encodeURIComponent(checkout.sessionId)}`,
          { json: { action: which } },
        );
        if (!body.redirect_to) throw new Error('The test checkout failed.');
        window.location.assign(nextUrl(body.redirect_to, which, returnTo));
        return body;
      } catch (err) {
        setPending(null);
        throw err;
      }
    },
    { fallback: 'The test checkout failed.' },
  );
  const act = (which: 'pay' | 'cancel') => action.run(which);
  const error = action.error;

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <div
        role="note"
        className="rounded-xl border-4 border-dashed border-amber-500 bg-amber-50 p-5 text-center"
      >
        <p className="text-2xl font-extrabold tracking-wide text-amber-900">
          TEST MODE — no real payment
        </p>
        <p className="mt-1 text-sm text-amber-900">
          Stripe is not configured on this server. This page stands in for Stripe Checkout; paying
          here completes the purchase through the same signed webhook, and no money moves.
        </p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">
          {formatCount(checkout.credits)} TrailRoom credits
        </h1>
        <dl className="mt-4 space-y-2 text-sm">
          <div className="flex justify-between">
            <dt className="text-slate-700">List price</dt>
            <dd>
              <Price
                cents={checkout.listAmountCents}
                currency={checkout.currency}
                strike={checkout.discountCents > 0}
              />
            </dd>
          </div>
          {checkout.discountCents > 0 && (
            <div className="flex justify-between">
              <dt className="text-slate-700">Discount</dt>
              <dd className="text-emerald-800">
                −<Price cents={checkout.discountCents} currency={checkout.currency} />
              </dd>
            </div>
          )}
          <div className="flex justify-between border-t border-slate-200 pt-3 text-base">
            <dt className="font-semibold text-slate-900">Total</dt>
            <dd className="font-bold text-slate-900">
              <Price cents={checkout.amountCents} currency={checkout.currency} />
            </dd>
          </div>
        </dl>
        {open ? (
          <div className="mt-6 flex flex-col gap-3 sm:flex-row">
            <Button
              size="lg"
              className="flex-1"
              disabled={pending !== null}
              onClick={() => void act('pay')}
            >
              {pending === 'pay' ? (
                'Paying…'
              ) : (
                <>
                  Pay <Price cents={checkout.amountCents} currency={checkout.currency} /> (test)
                </>
              )}
            </Button>
            <Button
              size="lg"
              variant="secondary"
              disabled={pending !== null}
              onClick={() => void act('cancel')}
            >
              {pending === 'cancel' ? 'Canceling…' : 'Cancel'}
            </Button>
          </div>
        ) : (
          <p className="mt-6 text-sm text-slate-700">
            This checkout is {checkout.status}; start a new purchase from the pricing page.
          </p>
        )}
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-800">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
