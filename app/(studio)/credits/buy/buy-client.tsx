'use client';

import Link from 'next/link';
import { useState } from 'react';
import { PackPicker } from '@/components/pricing/pack-picker';
import { Price } from '@/components/price';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { checkoutRequestSchema, type CheckoutResponse } from '@/lib/billing/checkout-schema';
import { api, useApiAction } from '@/lib/client';
import type { PresetPack } from '@/lib/pricing';

/**
 * The pack picker and the checkout. With `returnTo` the checkout (Stripe's or
 * the local test one) comes back to the studio, paid or cancelled.
 */
export function BuyClient({
  packs,
  initialCredits,
  returnTo,
}: {
  packs: PresetPack[];
  initialCredits: number;
  returnTo: 'studio' | null;
}) {
  const [credits, setCredits] = useState(initialCredits);
  const pack = packs.find((p) => p.credits === credits);
  const checkout = useApiAction(
    async (amount: number) => {
      const body = checkoutRequestSchema.parse({ credits: amount });
      const res = await api<CheckoutResponse>('/api/v1/billing/checkout', {
        json: body,
        query: { return_to: returnTo },
        headers: { 'idempotency-key': crypto.randomUUID() },
      });
      window.location.assign(res.url);
      return res;
    },
    { fallback: 'Could not start the checkout.' },
  );

  return (
    <Card className="flex min-w-0 flex-col gap-6">
      <PackPicker
        packs={packs}
        value={credits}
        onChange={setCredits}
        audience="shopper"
        legend="Choose a pack"
      />
      {checkout.error ? <Alert>{checkout.error}</Alert> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        {returnTo === 'studio' ? (
          <Button asChild variant="ghost" className="h-11">
            <Link href="/studio">Back to the studio</Link>
          </Button>
        ) : (
          <span />
        )}
        <Button
          size="lg"
          disabled={checkout.pending || !pack}
          onClick={() => void checkout.run(credits)}
        >
          {checkout.pending ? (
            'Opening checkout…'
          ) : pack ? (
            <>
              Continue to payment ·&nbsp;
              <Price cents={pack.totalCents} currency={pack.currency} />
            </>
          ) : (
            'Choose a pack'
          )}
        </Button>
      </div>
      {returnTo === 'studio' ? (
        <p className="text-sm text-slate-600">
          Your photos and choices in the studio are kept on this device and come back when you
          return, whether you pay or cancel.
        </p>
      ) : null}
    </Card>
  );
}
