import type { OrgDashboard } from './org-dashboard-types';

/** One CSV cell: quoted when it holds a comma, quote or line break; a leading =+-@ is defused. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rows(header: string[], body: Array<Array<string | number | null>>): string {
  return [header, ...body].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export type OrgDashboardCsvKind = 'days' | 'products' | 'refusals';

/**
 * The dashboard as CSV (RFC 4180, CRLF): per day (try-ons, completed,
 * failed, success rate, credits used), per product, or the refusals.
 * Spreadsheet formulas in text cells are defused with a leading quote.
 */
export function orgDashboardCsv(d: OrgDashboard, kind: OrgDashboardCsvKind): string {
  if (kind === 'products') {
    const widget = new Map(d.widget.bySku.map((s) => [s.sku, s]));
    return rows(
      ['sku', 'tryons', 'completed', 'widget_tryon_visitors', 'widget_added_to_cart'],
      d.products.map((p) => [
        p.sku,
        p.tryons,
        p.completed,
        widget.get(p.sku)?.tryonSessions ?? 0,
        widget.get(p.sku)?.addedToCart ?? 0,
      ]),
    );
  }
  if (kind === 'refusals')
    return rows(
      ['at', 'reason', 'origin', 'sku'],
      d.recentRefusals.map((r) => [r.at.toISOString(), r.reason, r.origin, r.sku]),
    );
  return rows(
    ['day', 'tryons', 'completed', 'failed', 'success_rate', 'credits_used'],
    d.series.map((p) => {
      const finished = p.completed + p.failed;
      return [
        p.day,
        p.tryons,
        p.completed,
        p.failed,
        finished ? (p.completed / finished).toFixed(4) : null,
        p.creditsUsed,
      ];
    }),
  );
}
