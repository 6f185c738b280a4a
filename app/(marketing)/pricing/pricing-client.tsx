'use client';

import * as Slider from '@radix-ui/react-slider';
import { useRouter } from 'next/navigation';
import { useId, useMemo, useState } from 'react';
import { Price } from '@/components/price';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { betterDeal, PRICING, quotePrice, type CurvePoint, type PresetPack } from '@/lib/pricing';
import { creditsToPosition, positionToCredits, SLIDER_STEPS } from './credit-slider';
import { DiscountChart } from './discount-chart';

interface Props {
  packs: PresetPack[];
  curve: CurvePoint[];
  signedIn: boolean;
  initialCredits: number;
  canceled: boolean;
  testMode: boolean;
}

const whole = new Intl.NumberFormat('en-US');
const pct = (bps: number) => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 1)}%`;

export function PricingClient({
  packs,
  curve,
  signedIn,
  initialCredits,
  canceled,
  testMode,
}: Props) {
  const router = useRouter();
  const inputId = useId();
  const errorId = useId();
  const [credits, setCredits] = useState(initialCredits);
  const [text, setText] = useState(String(initialCredits));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const parsed = Number(text);
  const inputError =
    text.trim() === '' || !Number.isInteger(parsed)
      ? 'Enter a whole number of credits.'
      : parsed < PRICING.minCredits || parsed > PRICING.maxCredits
        ? `Choose from ${whole.format(PRICING.minCredits)} to ${whole.format(PRICING.maxCredits)} credits.`
        : null;
  const quote = useMemo(() => quotePrice(credits), [credits]);
  const deal = betterDeal(credits);

  function choose(n: number) {
    setCredits(n);
    setText(String(n));
    setError(null);
  }

  async function buy() {
    if (inputError) return;
    if (!signedIn) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(`/pricing?credits=${credits}`)}`);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const res = await fetch('/api/v1/billing/checkout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credits }),
      });
      if (res.status === 401) {
        router.push(`/signin?callbackUrl=${encodeURIComponent(`/pricing?credits=${credits}`)}`);
        return;
      }
      const body = (await res.json()) as { url?: string; error?: { message: string } };
      if (!res.ok || !body.url)
        throw new Error(body.error?.message ?? 'Could not start the checkout.');
      window.location.assign(body.url);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not start the checkout.');
      setPending(false);
    }
  }

  const buyLabel = pending
    ? 'Starting checkout…'
    : signedIn
      ? `Buy ${whole.format(quote.credits)} credits`
      : 'Sign in to buy';

  return (
    <div className="mt-10 space-y-10 pb-20 lg:pb-0">
      {/* On small screens the order summary is far below the packs: keep the total and the button in reach. */}
      <div className="fixed inset-x-0 bottom-0 z-10 flex items-center justify-between gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur lg:hidden">
        <span className="text-sm text-slate-700">
          {whole.format(quote.credits)} credits ·{' '}
          <Price
            cents={quote.totalCents}
            currency={quote.currency}
            className="font-semibold text-slate-900"
          />
        </span>
        <Button disabled={pending || Boolean(inputError)} onClick={() => void buy()}>
          {buyLabel}
        </Button>
      </div>
      {canceled && (
        <p
          role="status"
          className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
        >
          Checkout canceled — you were not charged. Pick a pack to try again.
        </p>
      )}

      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading" className="text-xl font-semibold text-slate-900">
          Credit packs
        </h2>
        <div
          role="radiogroup"
          aria-labelledby="packs-heading"
          className="mt-4 grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3"
        >
          {packs.map((p) => {
            const selected = p.credits === credits;
            return (
              <button
                key={p.credits}
                type="button"
                role="radio"
                aria-checked={selected}
                onClick={() => choose(p.credits)}
                className={cn(
                  'relative rounded-xl border p-3 text-left transition-colors sm:p-5',
                  selected
                    ? 'border-brand-700 bg-brand-50 ring-brand-700 ring-2'
                    : 'border-slate-200 bg-white hover:border-slate-400',
                )}
              >
                {p.recommended && (
                  <span className="bg-brand-700 absolute -top-3 left-4 rounded-full px-2.5 py-0.5 text-xs font-semibold text-white">
                    Recommended
                  </span>
                )}
                <span className="block text-lg font-semibold text-slate-900">
                  {whole.format(p.credits)} credits
                </span>
                <span className="mt-1 block text-2xl font-bold text-slate-900">
                  <Price cents={p.totalCents} currency={p.currency} />
                </span>
                <span className="mt-1 block text-sm text-slate-700">
                  <Price cents={p.totalCents} perUnit={p.credits} currency={p.currency} /> per
                  credit
                  {p.discountBps > 0 && (
                    <span className="ml-2 font-medium text-emerald-800">
                      save {pct(p.discountBps)}
                    </span>
                  )}
                </span>
              </button>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="custom-heading" className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <h2 id="custom-heading" className="text-xl font-semibold text-slate-900">
            Or choose any amount
          </h2>
          <div className="flex flex-wrap items-end gap-4">
            <div>
              <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
                Credits
              </label>
              <input
                id={inputId}
                type="number"
                inputMode="numeric"
                min={PRICING.minCredits}
                max={PRICING.maxCredits}
                step={1}
                value={text}
                aria-invalid={inputError ? true : undefined}
                aria-describedby={inputError ? errorId : undefined}
                onChange={(e) => {
                  setText(e.target.value);
                  const n = Number(e.target.value);
                  if (Number.isInteger(n) && n >= PRICING.minCredits && n <= PRICING.maxCredits)
                    setCredits(n);
                }}
                className="mt-1 h-10 w-40 rounded-md border border-slate-300 px-3 text-slate-900 tabular-nums"
              />
            </div>
            <p className="pb-2 text-sm text-slate-600">
              {whole.format(PRICING.minCredits)}–{whole.format(PRICING.maxCredits)} credits
            </p>
          </div>
          {inputError && (
            <p id={errorId} role="alert" className="text-sm text-red-800">
              {inputError}
            </p>
          )}
          <Slider.Root
            className="relative flex h-6 w-full touch-none items-center select-none"
            min={0}
            max={SLIDER_STEPS}
            step={1}
            value={[creditsToPosition(credits)]}
            onValueChange={([pos]) => choose(positionToCredits(pos ?? 0))}
          >
            <Slider.Track className="relative h-2 grow rounded-full bg-slate-200">
              <Slider.Range className="bg-brand-700 absolute h-full rounded-full" />
            </Slider.Track>
            <Slider.Thumb
              aria-label="Credits"
              aria-valuetext={`${whole.format(credits)} credits`}
              className="border-brand-700 block h-6 w-6 rounded-full border-2 bg-white shadow focus-visible:outline-2 focus-visible:outline-offset-2"
            />
          </Slider.Root>
          <DiscountChart curve={curve} credits={credits} discountBps={quote.discountBps} />
        </div>

        <aside
          aria-labelledby="summary-heading"
          className="h-fit rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        >
          <h2 id="summary-heading" className="text-lg font-semibold text-slate-900">
            Your order
          </h2>
          <dl className="mt-4 space-y-2 text-sm" aria-live="polite">
            <div className="flex justify-between">
              <dt className="text-slate-700">Credits</dt>
              <dd className="font-medium text-slate-900 tabular-nums">
                {whole.format(quote.credits)}
              </dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-slate-700">List price</dt>
              <dd className="text-slate-900">
                <Price
                  cents={quote.listCents}
                  currency={quote.currency}
                  strike={quote.discountCents > 0}
                />
              </dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-slate-700">Discount</dt>
              <dd className="text-emerald-800">
                {quote.discountCents > 0 ? (
                  <>
                    {pct(quote.discountBps)} (−
                    <Price cents={quote.discountCents} currency={quote.currency} />)
                  </>
                ) : (
                  'none'
                )}
              </dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-slate-700">Per credit</dt>
              <dd className="text-slate-900">
                <Price cents={quote.totalCents} perUnit={quote.credits} currency={quote.currency} />
              </dd>
            </div>
            <div className="flex justify-between border-t border-slate-200 pt-3 text-base">
              <dt className="font-semibold text-slate-900">Total</dt>
              <dd className="font-bold text-slate-900" data-testid="order-total">
                <Price cents={quote.totalCents} currency={quote.currency} />
              </dd>
            </div>
          </dl>
          {deal && (
            <p className="mt-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
              {whole.format(deal.credits)} credits cost less:{' '}
              <Price cents={deal.totalCents} currency={deal.currency} />.{' '}
              <button
                type="button"
                className="font-semibold underline"
                onClick={() => choose(deal.credits)}
              >
                Switch to {whole.format(deal.credits)}
              </button>
            </p>
          )}
          <Button
            size="lg"
            className="mt-6 w-full"
            disabled={pending || Boolean(inputError)}
            onClick={() => void buy()}
          >
            {pending
              ? 'Starting checkout…'
              : signedIn
                ? `Buy ${whole.format(quote.credits)} credits`
                : 'Sign in to buy'}
          </Button>
          {error && (
            <p role="alert" className="mt-3 text-sm text-red-800">
              {error}
            </p>
          )}
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
