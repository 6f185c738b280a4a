import { listWidgetEvents, summarizeWidgetEvents } from '@/lib/widget-events';
import { dayBounds, dayOf, daysEnding } from './days';
import { orgDaySeries } from './org-day-series';
import type { OrgDashboard } from './org-dashboard-types';
import { orgProductCounts } from './org-product-counts';

/** Refusals listed on the dashboard (the CSV export has the same). */
const RECENT_REFUSALS = 50;

/**
 * Everything the merchant dashboard shows for one organisation over the
 * `range` UTC days ending today: try-ons and credits per day, totals, top
 * products, and from the widget's events the add-to-cart conversion signal
 * and refusals. The caller has checked that the person may read this
 * organisation.
 */
export async function getOrgDashboard(
  orgId: string,
  range: number,
  now: Date = new Date(),
): Promise<OrgDashboard> {
  const days = daysEnding(dayOf(now), range);
  const window = { start: dayBounds(days[0]!).start, end: dayBounds(days[days.length - 1]!).end };
  // lib/widget-events reads a closed interval.
  const to = new Date(window.end.getTime() - 1);
  const [series, products, widget, refused] = await Promise.all([
    orgDaySeries(orgId, days),
    orgProductCounts(orgId, window),
    summarizeWidgetEvents({ orgId, from: window.start, to }),
    listWidgetEvents({ orgId, type: 'refused', from: window.start, to, limit: RECENT_REFUSALS }),
  ]);
  const totals = series.reduce(
    (t, p) => ({
      tryons: t.tryons + p.tryons,
      completed: t.completed + p.completed,
      failed: t.failed + p.failed,
      creditsUsed: t.creditsUsed + p.creditsUsed,
    }),
    { tryons: 0, completed: 0, failed: 0, creditsUsed: 0 },
  );
  return {
    days,
    series,
    totals,
    products,
    widget,
    recentRefusals: refused.rows.map((e) => ({
      at: e.createdAt,
      reason: e.reason ?? 'unknown',
      origin: e.origin ?? null,
      sku: e.sku ?? null,
    })),
  };
}
