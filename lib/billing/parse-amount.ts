/**
 * A money amount typed by a person ("12", "12.5", "12.50", "1,234.56") → integer
 * cents, or null when it is not a positive amount with at most two decimals.
 * Parsed as text, never through floating point, so "0.29" is 29 cents exactly.
 */
export function parseAmountToCents(input: string): number | null {
  const s = input
    .trim()
    .replace(/^\$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}
