import type { Metadata } from 'next';
import { getSessionUser } from '@/lib/auth/caller';
import { localCheckoutEnabled } from '@/lib/env';
import {
  discountCurve,
  isValidCreditAmount,
  presetPacks,
  PRICING,
  RECOMMENDED_PACK_CREDITS,
} from '@/lib/pricing';
import { PricingClient } from './pricing-client';

export const metadata: Metadata = {
  title: 'Pricing',
  description:
    'Credits for TrailRoom try-ons: 3 free every day, and discounted packs from 2,100 credits.',
};
export const dynamic = 'force-dynamic';

export default async function PricingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const sp = await searchParams;
  const asked = Number(sp.credits);
  const caller = await getSessionUser();
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Pricing</h1>
      <p className="mt-3 max-w-2xl text-lg text-slate-700">
        Three free try-ons every day. Need more? Buy credits once, use them whenever: a top costs 1
        credit, a full outfit 2. Bigger packs are cheaper per credit — up to{' '}
        {PRICING.discount.fullBps / 100}% off.
      </p>
      <PricingClient
        packs={presetPacks()}
        curve={discountCurve()}
        signedIn={Boolean(caller)}
        initialCredits={isValidCreditAmount(asked) ? asked : RECOMMENDED_PACK_CREDITS}
        canceled={sp.canceled === '1'}
        testMode={localCheckoutEnabled}
      />
    </div>
  );
}
