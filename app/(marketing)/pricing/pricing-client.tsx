'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { recommendedCredits, type Audience } from '@/components/pricing/audience';
import { PackPicker } from '@/components/pricing/pack-picker';
import {
  checkoutAmountError,
  rememberedCredits,
  useCheckout,
} from '@/components/pricing/use-checkout';
import { Price } from '@/components/price';
import { useSignedIn } from '@/components/site-header-session';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatCount } from '@/lib/format';
import { betterDeal, quotePrice, type CurvePoint, type PresetPack } from '@/lib/pricing';
import { AmountInput } from './amount-input';
import { AudienceSwitch } from './audience-switch';
import { DiscountChart } from './discount-chart';
import { OrderSummary } from './order-summary';

interface Props {
  packs: PresetPack[];
  curve: CurvePoint[];
  testMode: boolean;
}

/** What the URL asks for: ?for=api, ?credits=N (back from sign-in), ?canceled=1 (back from checkout). */
function fromUrl(): { audience: Audience; credits: number | null; canceled: boolean } {
  const sp = new URLSearchParams(window.location.search);
  const audience: Audience = sp.get('for') === 'api' ? 'developer' : 'shopper';
  const canceled = sp.get('canceled') === '1';
  const asked = Number(sp.get('credits'));
  const credits =
    sp.get('credits') && checkoutAmountError(asked) === null
      ? asked
      : canceled
        ? rememberedCredits()
        : null;
  return { audience, credits, canceled };
}

export function PricingClient({ packs, curve, testMode }: Props) {
  const router = useRouter();
  const signedIn = useSignedIn() === 'signed-in';
  const [audience, setAudience] = useState<Audience>('shopper');
  const [credits, setCredits] = useState(() => recommendedCredits('shopper'));
  const [text, setText] = useState(() => String(recommendedCredits('shopper')));
  const [canceled, setCanceled] = useState(false);
  const checkout = useCheckout((n) => `/pricing?credits=${n}`);

  // The page is static: what the URL and this tab remember is applied once hydrated.
  useEffect(() => {
    const u = fromUrl();
    const n = u.credits ?? recommendedCredits(u.audience);
    /* eslint-disable react-hooks/set-state-in-effect -- one-time sync from the URL after hydration */
    setAudience(u.audience);
    setCredits(n);
    setText(String(n));
    setCanceled(u.canceled);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, []);

  const parsed = Number(text);
  const inputError =
    text.trim() === '' || !Number.isInteger(parsed)
      ? 'Enter a whole number of credits.'
      : checkoutAmountError(parsed);
  const quote = useMemo(() => quotePrice(credits), [credits]);
  const deal = betterDeal(credits);

  function choose(n: number) {
    setCredits(n);
    setText(String(n));
    checkout.setError(null);
  }

  function chooseAudience(a: Audience) {
    if (credits === recommendedCredits(audience)) choose(recommendedCredits(a));
    setAudience(a);
  }

  function onText(t: string) {
    setText(t);
    const n = Number(t);
    if (Number.isInteger(n) && checkoutAmountError(n) === null) setCredits(n);
  }

  const busy = checkout.pending || checkout.result !== undefined;
  const blocked = busy || Boolean(inputError);
  const buy = () => {
    if (!signedIn) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(`/pricing?credits=${credits}`)}`);
      return;
    }
    void checkout.run(credits);
  };
  const buyLabel = busy
    ? 'Starting checkout…'
    : signedIn
      ? `Buy ${formatCount(quote.credits)} credits`
      : 'Sign in to buy';

  return (
    <div className="mt-8 space-y-10 pb-24 lg:pb-0">
      {/* On small screens the order summary is far below the packs: keep the total and the button in reach. */}
      <div className="fixed inset-x-0 bottom-0 z-10 flex items-center justify-between gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur lg:hidden">
        <span className="text-sm text-slate-700">
          {formatCount(quote.credits)} credits ·{' '}
          <Price
            cents={quote.totalCents}
            currency={quote.currency}
            className="font-semibold text-slate-900"
          />
        </span>
        <Button className="h-11" disabled={blocked} onClick={buy}>
          {buyLabel}
        </Button>
      </div>
      {canceled && (
        <Alert tone="warning">
          Checkout canceled — you were not charged. Your {formatCount(credits)} credits are still
          selected.
        </Alert>
      )}

      <AudienceSwitch value={audience} onChange={chooseAudience} />
      <PackPicker packs={packs} value={credits} onChange={choose} audience={audience} />

      <section aria-labelledby="custom-heading" className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <h2 id="custom-heading" className="text-xl font-semibold text-slate-900">
            Or choose any amount
          </h2>
          <AmountInput
            credits={credits}
            text={text}
            error={inputError}
            onText={onText}
            onPick={choose}
          />
          <DiscountChart curve={curve} credits={credits} discountBps={quote.discountBps} />
        </div>

        <aside
          aria-labelledby="summary-heading"
          className="h-fit rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        >
          <h2 id="summary-heading" className="text-lg font-semibold text-slate-900">
            Your order
          </h2>
          <OrderSummary quote={quote} />
          {deal && (
            <p className="mt-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
              {formatCount(deal.credits)} credits cost less:{' '}
              <Price cents={deal.totalCents} currency={deal.currency} />.{' '}
              <button
                type="button"
                className="min-h-11 font-semibold underline"
                onClick={() => choose(deal.credits)}
              >
                Switch to {formatCount(deal.credits)}
              </button>
            </p>
          )}
          <Button size="lg" className="mt-6 w-full" disabled={blocked} onClick={buy}>
            {buyLabel}
          </Button>
          {checkout.error && <Alert className="mt-3">{checkout.error}</Alert>}
          <p className="mt-3 text-xs text-slate-600">
            {testMode
              ? 'Test mode: checkout is simulated and no payment is taken.'
              : 'Secure payment by Stripe. Prices in US dollars; a receipt is emailed to you.'}
          </p>
        </aside>
      </section>
    </div>
  );
}
