import { cn } from '@/components/ui/cn';

/**
 * The one place money is formatted (STYLE rule 9). Amounts arrive as integer
 * minor units (cents) and are formatted only here, at render time.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(
  currency: string,
  fractionDigits?: { min: number; max: number },
): Intl.NumberFormat {
  const key = `${currency}:${fractionDigits?.min ?? ''}:${fractionDigits?.max ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: currency.toUpperCase(),
      ...(fractionDigits
        ? { minimumFractionDigits: fractionDigits.min, maximumFractionDigits: fractionDigits.max }
        : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** Text for integer cents (for attributes and chart labels, where a component cannot go). */
export function formatCents(cents: number, currency = 'usd'): string {
  return formatter(currency).format(cents / 100);
}

/** Text for the price of one unit when `cents` buys `units` (e.g. $0.0180 per credit). */
export function formatUnitPrice(cents: number, units: number, currency = 'usd'): string {
  return formatter(currency, { min: 3, max: 4 }).format(cents / units / 100);
}

export interface PriceProps {
  /** Integer cents. */
  cents: number;
  currency?: string;
  /** Show the price per unit instead: `cents` buys `perUnit` units. */
  perUnit?: number;
  /** Struck through (a list price before discount). */
  strike?: boolean;
  className?: string;
}

export function Price({ cents, currency = 'usd', perUnit, strike, className }: PriceProps) {
  const text = perUnit ? formatUnitPrice(cents, perUnit, currency) : formatCents(cents, currency);
  return strike ? (
    <s className={cn('tabular-nums', className)}>
      <span className="sr-only">was </span>
      {text}
    </s>
  ) : (
    <span className={cn('tabular-nums', className)}>{text}</span>
  );
}
