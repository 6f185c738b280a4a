'use client';

import { useState } from 'react';
import {
  CreditsChart,
  PeopleChart,
  ProcessingChart,
  RevenueChart,
  SuccessRateChart,
  TryonsChart,
} from '@/components/admin/analytics-charts';
import { KpiTile } from '@/components/admin/kpi-tile';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { shortDay } from '@/lib/analytics/format';
import type { AnalyticsJson } from '@/lib/analytics/serialize';
import { api } from '@/lib/client/api';
import { errorMessage } from '@/lib/client/api-error';

const RANGES = [7, 30, 90] as const;

type Status = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string };

const load = (range: number) => api<AnalyticsJson>('/api/admin/analytics', { query: { range } });

export function AnalyticsClient({
  initial,
  canBackfill,
}: {
  initial: AnalyticsJson;
  /** analytics:write: support admins read analytics but cannot recompute it. */
  canBackfill: boolean;
}) {
  const [data, setData] = useState(initial);
  const [range, setRange] = useState<number>(initial.range);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [backfill, setBackfill] = useState<Status | { kind: 'done'; text: string }>({
    kind: 'idle',
  });

  async function show(next: number) {
    setRange(next);
    setStatus({ kind: 'loading' });
    try {
      const fresh = await load(next);
      setData(fresh);
      setStatus({ kind: 'idle' });
      window.history.replaceState(null, '', `?range=${next}`);
    } catch (err) {
      setStatus({ kind: 'error', message: errorMessage(err) });
    }
  }

  async function runBackfill() {
    setBackfill({ kind: 'loading' });
    let body: { days?: number; ms?: number };
    try {
      // The range and the period before it, so the tiles can compare.
      body = await api('/api/admin/analytics/rollup', { json: { days: data.range * 2 } });
    } catch (err) {
      setBackfill({ kind: 'error', message: errorMessage(err) });
      return;
    }
    setBackfill({
      kind: 'done',
      text: `Recomputed ${body.days ?? 0} days in ${((body.ms ?? 0) / 1000).toFixed(1)} s.`,
    });
    await show(data.range);
  }

  const kpi = (key: string) => data.kpis.find((k) => k.key === key) ?? null;
  const period = `previous ${data.range} days`;
  const loading = status.kind === 'loading';

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="group" aria-label="Period" className="flex rounded-md border border-slate-300">
          {RANGES.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={range === r}
              disabled={loading}
              onClick={() => show(r)}
              className={cn(
                'px-4 py-2 text-sm font-medium first:rounded-l-md last:rounded-r-md focus-visible:relative max-sm:min-h-11',
                range === r
                  ? 'bg-slate-900 text-white'
                  : 'bg-white text-slate-800 hover:bg-slate-50',
              )}
            >
              {r} days
            </button>
          ))}
        </div>
        <p className="text-sm text-slate-600" aria-live="polite">
          {loading
            ? 'Loading…'
            : `${shortDay(data.from)} – ${shortDay(data.to)} (UTC), compared with the ${period}`}
        </p>
      </div>

      {status.kind === 'error' && (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        >
          The figures could not be loaded: {status.message}.{' '}
          <button
            type="button"
            className="font-medium underline max-sm:min-h-11 max-sm:min-w-11"
            onClick={() => show(range)}
          >
            Try again
          </button>
        </div>
      )}

      {data.missing_days.length > 0 && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p>
            {data.missing_days.length} earlier{' '}
            {data.missing_days.length === 1 ? 'day has' : 'days have'} not been computed yet and
            read as zero (the hourly job keeps the last 3 days).
            {!canBackfill && ' A finance or super admin can compute them.'}
            {backfill.kind === 'error' && ` The backfill failed: ${backfill.message}.`}
          </p>
          {canBackfill && (
            <Button
              size="sm"
              variant="secondary"
              onClick={runBackfill}
              disabled={backfill.kind === 'loading'}
            >
              {backfill.kind === 'loading'
                ? 'Computing…'
                : `Compute the last ${data.range * 2} days`}
            </Button>
          )}
        </div>
      )}
      {backfill.kind === 'done' && (
        <p role="status" className="text-sm text-green-800">
          {backfill.text}
        </p>
      )}

      <div
        className={cn('space-y-6 transition-opacity', loading && 'pointer-events-none opacity-50')}
        aria-busy={loading}
      >
        <section aria-label="Key figures">
          <ul className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
            {data.kpis.map((k) => (
              <li key={k.key}>
                <KpiTile kpi={k} currency={data.currency} period={period} />
              </li>
            ))}
          </ul>
        </section>

        <section aria-label="Charts" className="grid gap-4 lg:grid-cols-2">
          <TryonsChart series={data.series} />
          <SuccessRateChart series={data.series} overall={kpi('successRate')?.value ?? null} />
          <ProcessingChart
            series={data.series}
            avg={kpi('avgProcessing')?.value ?? null}
            p95={kpi('p95Processing')?.value ?? null}
          />
          <CreditsChart series={data.series} />
          {data.revenue_visible && <RevenueChart series={data.series} currency={data.currency} />}
          <PeopleChart series={data.series} activeTotal={kpi('activeUsers')?.value ?? null} />
        </section>
      </div>
    </div>
  );
}
