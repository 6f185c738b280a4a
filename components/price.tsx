import { cn } from '@/components/ui/cn';
import { formatCents, formatUnitPrice } from '@/lib/format';

/** Money as text: amounts arrive as integer cents and are formatted by lib/format. */
export { formatCents, formatUnitPrice };

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
