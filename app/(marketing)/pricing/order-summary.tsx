import { Price } from '@/components/price';
import { formatCount } from '@/lib/format';
import type { PriceQuote } from '@/lib/pricing';
import { tryonsFor } from '@/components/pricing/audience';

const pct = (bps: number) => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 1)}%`;

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-slate-700">{term}</dt>
      <dd className="text-right text-slate-900">{children}</dd>
    </div>
  );
}

/** The order's figures, all from quotePrice (the function that charges). */
export function OrderSummary({ quote }: { quote: PriceQuote }) {
  const t = tryonsFor(quote.credits);
  return (
    <dl className="mt-4 space-y-2 text-sm" aria-live="polite">
      <Row term="Credits">
        <span className="font-medium tabular-nums">{formatCount(quote.credits)}</span>
      </Row>
      <Row term="Try-ons">
        {formatCount(t.tops)} tops or {formatCount(t.outfits)} outfits
      </Row>
      <Row term="List price">
        <Price cents={quote.listCents} currency={quote.currency} strike={quote.discountCents > 0} />
      </Row>
      <Row term="Discount">
        <span className="text-emerald-800">
          {quote.discountCents > 0 ? (
            <>
              {pct(quote.discountBps)} (−
              <Price cents={quote.discountCents} currency={quote.currency} />)
            </>
          ) : (
            'none'
          )}
        </span>
      </Row>
      <Row term="Per credit">
        <Price cents={quote.totalCents} perUnit={quote.credits} currency={quote.currency} />
      </Row>
      <div className="flex justify-between border-t border-slate-200 pt-3 text-base">
        <dt className="font-semibold text-slate-900">Total</dt>
        <dd className="font-bold text-slate-900" data-testid="order-total">
          <Price cents={quote.totalCents} currency={quote.currency} />
        </dd>
      </div>
    </dl>
  );
}
