/**
 * Formatting for analytics figures (client-safe, pure). Money goes through
 * components/price's formatCents, the one money formatter.
 */

export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** 850 ms, 1.2 s, 2 min 05 s. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

export function formatPercent(rate: number | null, digits = 1): string {
  if (rate === null) return '—';
  const v = rate * 100;
  return `${v === 100 || v === 0 ? v.toFixed(0) : v.toFixed(digits)}%`;
}

export function formatCount(n: number | null): string {
  return n === null ? '—' : n.toLocaleString('en-US');
}

/** The change chip: "+12%", "−3.4 pts", or null when there is nothing to compare with. */
export function formatChange(change: number | null, kind: 'relative' | 'points'): string | null {
  if (change === null) return null;
  if (kind === 'points') {
    const pts = change * 100;
    if (Math.abs(pts) < 0.05) return '±0 pts';
    return `${pts > 0 ? '+' : '−'}${Math.abs(pts).toFixed(1)} pts`;
  }
  if (Math.abs(change) < 0.0005) return '±0%';
  const pct = Math.abs(change * 100);
  return `${change > 0 ? '+' : '−'}${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** The day with the largest value (first on ties), or null when every value is 0 / missing. */
export function peakDay<T extends { day: string }>(
  points: readonly T[],
  value: (p: T) => number | null,
): { day: string; value: number } | null {
  let best: { day: string; value: number } | null = null;
  for (const p of points) {
    const v = value(p);
    if (v !== null && v > 0 && (!best || v > best.value)) best = { day: p.day, value: v };
  }
  return best;
}
