import { formatCents } from '@/components/price';
import { cn } from '@/components/ui/cn';
import { formatChange, formatCount, formatDuration, formatPercent } from '@/lib/analytics/format';
import type { AnalyticsJson } from '@/lib/analytics/serialize';

export type KpiJson = AnalyticsJson['kpis'][number];

export function formatKpiValue(k: Pick<KpiJson, 'value' | 'format'>, currency: string): string {
  if (k.value === null) return '—';
  switch (k.format) {
    case 'percent':
      return formatPercent(k.value);
    case 'duration':
      return formatDuration(k.value);
    case 'cents':
      return formatCents(k.value, currency);
    default:
      return formatCount(k.value);
  }
}

/** A figure, and how it moved against the period before (green when the move is good news). */
export function KpiTile({
  kpi,
  currency,
  period,
}: {
  kpi: KpiJson;
  currency: string;
  /** e.g. "previous 30 days" */
  period: string;
}) {
  const change = formatChange(kpi.change, kpi.change_kind);
  const good =
    kpi.change === null || kpi.change === 0 ? null : kpi.change > 0 === (kpi.better === 'up');
  return (
    <div
      className="h-full rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
      data-testid={`kpi-${kpi.key}`}
    >
      <p className="text-sm text-slate-600">{kpi.label}</p>
      <p className="mt-1 text-xl font-semibold text-slate-900 tabular-nums sm:text-2xl">
        {formatKpiValue(kpi, currency)}
      </p>
      <p className="mt-1 text-xs text-slate-600">
        {change ? (
          <>
            <span
              className={cn(
                'mr-1 rounded px-1.5 py-0.5 font-medium tabular-nums',
                good === null
                  ? 'bg-slate-100 text-slate-800'
                  : good
                    ? 'bg-green-100 text-green-900'
                    : 'bg-red-100 text-red-900',
              )}
            >
              <span aria-hidden="true">{kpi.change! > 0 ? '▲ ' : kpi.change! < 0 ? '▼ ' : ''}</span>
              {change}
            </span>
            vs {period}
            {kpi.previous !== null && (
              <span className="sr-only">
                {' '}
                (was {formatKpiValue({ value: kpi.previous, format: kpi.format }, currency)})
              </span>
            )}
          </>
        ) : kpi.previous === 0 && kpi.value !== null && kpi.value > 0 ? (
          <>up from none in the {period}</>
        ) : (
          <>no comparison with the {period}</>
        )}
      </p>
    </div>
  );
}
