'use client';

import { Price } from '@/components/price';
import { Button } from '@/components/ui/button';
import { plural } from '@/lib/format';

/** "in about 21 hours" / "in about 40 minutes" until `iso`, from `now`. */
export function aboutIn(iso: string, now: number): string {
  const ms = Math.max(0, Date.parse(iso) - now);
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `in about ${plural(minutes, 'minute')}`;
  return `in about ${plural(Math.round(minutes / 60), 'hour')}`;
}

export interface RefillInfo {
  /** When the free daily credits are topped up again (ISO). */
  nextTopUpAt: string;
  dailyFree: number;
}

export interface PackInfo {
  credits: number;
  totalCents: number;
  currency: string;
}

/**
 * The out-of-credits moment, before any upload: what the chosen mode needs,
 * when the free credits come back, and the cheapest pack, bought in the app.
 */
export function StudioCreditBanner({
  need,
  have,
  modeLabel,
  refill,
  cheapest,
  onBuy,
  now,
}: {
  need: number;
  have: number;
  modeLabel: string;
  refill: RefillInfo;
  cheapest: PackInfo;
  onBuy: (credits?: number) => void;
  now: number;
}) {
  return (
    <section
      aria-labelledby="credits-banner-heading"
      data-testid="credits-banner"
      className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="credits-banner-heading" className="font-semibold">
        Not enough credits for {modeLabel}
      </h2>
      <p className="text-sm">
        It needs {plural(need, 'credit')}; you have {have}.{' '}
        <span data-testid="refill-time">
          {refill.dailyFree} free {need === 1 ? 'try-ons' : 'credits'} again{' '}
          {aboutIn(refill.nextTopUpAt, now)}.
        </span>
      </p>
      <div className="flex flex-wrap gap-2">
        <Button className="h-11" onClick={() => onBuy(cheapest.credits)}>
          Buy {cheapest.credits} credits ·&nbsp;
          <Price cents={cheapest.totalCents} currency={cheapest.currency} />
        </Button>
        <Button variant="secondary" className="h-11" onClick={() => onBuy()}>
          Other packs
        </Button>
      </div>
    </section>
  );
}
