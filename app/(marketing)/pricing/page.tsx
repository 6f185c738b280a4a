import type { Metadata } from 'next';
import { localCheckoutEnabled } from '@/lib/env';
import { discountCurve, presetPacks, PRICING } from '@/lib/pricing';
import { PricingClient } from './pricing-client';

export const metadata: Metadata = {
  title: 'Pricing',
  description:
    'Credits for TrailRoom try-ons: 3 free every day, packs from 300 credits, and up to 25% off in volume for shops and apps.',
  alternates: { canonical: '/pricing' },
};

// Static: prices are code (lib/pricing/config.ts), so a price change is a
// deploy, which rebuilds this page. The signed-in state, ?credits= and the
// amount kept across a cancelled checkout are read in the browser.
export const dynamic = 'force-static';

export default function PricingPage() {
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
        testMode={localCheckoutEnabled}
      />
    </div>
  );
}
