/**
 * The one place dates, money and counts become text (STYLE rule 9). Pure and
 * browser-safe: server pages and client islands format the same way.
 *
 * Dates are shown in UTC (server and browser render the same text, so there
 * is no hydration mismatch) unless a function says "local".
 */

type DateInput = Date | string | number;
const toDate = (d: DateInput) => (d instanceof Date ? d : new Date(d));

const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeShort = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const dateTimeMedium = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});
const dateTimeLong = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const utcShortFmt = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
});
const shortDayFmt = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

export interface DateTimeOptions {
  /** Show seconds ("10:04:05 AM"). */
  seconds?: boolean;
  /** The long date ("March 5, 2026") instead of the medium one ("Mar 5, 2026"). */
  long?: boolean;
}

/** "Mar 5, 2026" (UTC). */
export function formatDate(d: DateInput): string {
  return date.format(toDate(d));
}

/** "Mar 5, 2026, 10:04 AM" (UTC, without a zone suffix). */
export function formatDateTime(d: DateInput, opts: DateTimeOptions = {}): string {
  const f = opts.long ? dateTimeLong : opts.seconds ? dateTimeMedium : dateTimeShort;
  return f.format(toDate(d));
}

/** "Mar 5, 2026, 10:04 AM UTC"; "—" for a missing date. */
export function formatUtc(d: DateInput | null | undefined, opts: DateTimeOptions = {}): string {
  return d === null || d === undefined ? '—' : `${formatDateTime(d, opts)} UTC`;
}

/** A date in the reader's own time zone and locale (only in client components after mount). */
export function formatLocalDateTime(d: DateInput): string {
  return toDate(d).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Mar 5, 10:04 AM" in the reader's zone (no year: recent items on narrow cards; after mount). */
export function formatLocalShort(d: DateInput): string {
  return toDate(d).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** "Mar 5, 10:04 AM UTC": the same shape in UTC, what the server renders before the zone is known. */
export function formatUtcShort(d: DateInput): string {
  return `${utcShortFmt.format(toDate(d))} UTC`;
}

/** A duration: "8.4 s" under ten seconds, "42 s", "2 min 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** "Mar 5" for a `YYYY-MM-DD` day (chart axes). */
export function formatShortDay(day: string): string {
  return shortDayFmt.format(new Date(`${day}T00:00:00Z`));
}

// ---------------------------------------------------------------- counts

const whole = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** "12,345"; "—" for a missing count. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : whole.format(n);
}

/** "12.3K" (chart ticks). */
export function formatCompact(n: number): string {
  return compact.format(n);
}

/** "1 credit", "1,200 credits". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${whole.format(n)} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------- money

const moneyFormatters = new Map<string, Intl.NumberFormat>();

function money(currency: string, digits?: { min: number; max: number }): Intl.NumberFormat {
  const key = `${currency}:${digits?.min ?? ''}:${digits?.max ?? ''}`;
  let f = moneyFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: currency.toUpperCase(),
      ...(digits ? { minimumFractionDigits: digits.min, maximumFractionDigits: digits.max } : {}),
    });
    moneyFormatters.set(key, f);
  }
  return f;
}

/** "$12.00" for integer cents. Amounts are integer minor units everywhere until here. */
export function formatCents(cents: number, currency = 'usd'): string {
  return money(currency).format(cents / 100);
}

/** The price of one unit when `cents` buys `units` (e.g. "$0.0180" per credit). */
export function formatUnitPrice(cents: number, units: number, currency = 'usd'): string {
  return money(currency, { min: 3, max: 4 }).format(cents / units / 100);
}
