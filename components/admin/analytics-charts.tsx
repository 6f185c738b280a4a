'use client';

import type { ReactNode } from 'react';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCents } from '@/components/price';
import {
  formatCount,
  formatDuration,
  formatPercent,
  peakDay,
  shortDay,
} from '@/lib/analytics/format';
import type { AnalyticsJson } from '@/lib/analytics/serialize';

type Point = AnalyticsJson['series'][number];

const COLORS = {
  completed: '#15803d',
  failed: '#dc2626',
  other: '#94a3b8',
  rate: '#164dd9',
  avg: '#164dd9',
  p95: '#b45309',
  spent: '#164dd9',
  refunded: '#f59e0b',
  purchased: '#059669',
  revenue: '#7c3aed',
  signups: '#0891b2',
  active: '#db2777',
};

const axisTick = { fontSize: 12, fill: '#475569' };
const sum = (pts: readonly Point[], f: (p: Point) => number) => pts.reduce((a, p) => a + f(p), 0);

/**
 * One chart card: title, the chart (hidden from screen readers), a sentence
 * that says what it shows, and the same figures as a table on demand.
 */
function ChartCard({
  title,
  summary,
  empty,
  emptyText,
  table,
  children,
  testId,
}: {
  title: string;
  summary: string;
  empty: boolean;
  emptyText: string;
  table: { columns: string[]; rows: Array<{ key: string; cells: ReactNode[] }> };
  children: ReactNode;
  testId: string;
}) {
  return (
    <figure
      className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid={testId}
    >
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      <figcaption className="mt-1 text-sm text-slate-700">{summary}</figcaption>
      <div className="mt-3 h-56 w-full" aria-hidden="true">
        {empty ? (
          <div className="flex h-full items-center justify-center rounded-lg border border-dashed border-slate-300 text-sm text-slate-600">
            {emptyText}
          </div>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {children as React.ReactElement}
          </ResponsiveContainer>
        )}
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-slate-700 underline-offset-2 hover:underline">
          Show as table
        </summary>
        <div className="mt-2 max-h-64 overflow-auto rounded-md border border-slate-200">
          <table className="min-w-full text-left text-xs">
            <caption className="sr-only">{title}, per day</caption>
            <thead className="sticky top-0 bg-slate-50 text-slate-600">
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col" className="px-3 py-1.5 font-semibold">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((c, i) => (
                    <td key={i} className="px-3 py-1 text-slate-800 tabular-nums">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

const xAxis = (
  <XAxis
    dataKey="day"
    tickFormatter={shortDay}
    tick={axisTick}
    interval="preserveStartEnd"
    minTickGap={28}
  />
);
const grid = <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />;
const legend = <Legend wrapperStyle={{ fontSize: 12 }} />;
const dayLabel = (d: unknown) => shortDay(String(d));

export function TryonsChart({ series }: { series: Point[] }) {
  const completed = sum(series, (p) => p.tryons_completed);
  const failed = sum(series, (p) => p.tryons_failed);
  const peak = peakDay(series, (p) => p.tryons_completed + p.tryons_failed + p.tryons_other);
  return (
    <ChartCard
      testId="chart-tryons"
      title="Try-ons per day"
      summary={
        peak
          ? `${formatCount(completed)} completed and ${formatCount(failed)} failed; the busiest day was ${shortDay(peak.day)} with ${formatCount(peak.value)}.`
          : 'No try-ons in this period.'
      }
      empty={!peak}
      emptyText="No try-ons in this period yet."
      table={{
        columns: ['Day', 'Completed', 'Failed', 'Other'],
        rows: series.map((p) => ({
          key: p.day,
          cells: [p.day, p.tryons_completed, p.tryons_failed, p.tryons_other],
        })),
      }}
    >
      <BarChart
        accessibilityLayer={false}
        data={series}
        margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      >
        {grid}
        {xAxis}
        <YAxis allowDecimals={false} tick={axisTick} />
        <Tooltip labelFormatter={dayLabel} />
        {legend}
        <Bar
          isAnimationActive={false}
          dataKey="tryons_completed"
          name="Completed"
          stackId="t"
          fill={COLORS.completed}
        />
        <Bar
          isAnimationActive={false}
          dataKey="tryons_failed"
          name="Failed"
          stackId="t"
          fill={COLORS.failed}
        />
        <Bar
          isAnimationActive={false}
          dataKey="tryons_other"
          name="Queued / canceled"
          stackId="t"
          fill={COLORS.other}
          radius={[3, 3, 0, 0]}
        />
      </BarChart>
    </ChartCard>
  );
}

export function SuccessRateChart({ series, overall }: { series: Point[]; overall: number | null }) {
  const data = series.map((p) => ({
    day: p.day,
    rate: p.success_rate === null ? null : Math.round(p.success_rate * 1000) / 10,
  }));
  const days = series.filter((p) => p.success_rate !== null);
  const worst = days.reduce<Point | null>(
    (w, p) => (!w || (p.success_rate ?? 1) < (w.success_rate ?? 1) ? p : w),
    null,
  );
  return (
    <ChartCard
      testId="chart-success"
      title="Success rate"
      summary={
        worst
          ? `${formatPercent(overall)} of finished try-ons completed; the lowest day was ${shortDay(worst.day)} at ${formatPercent(worst.success_rate)}.`
          : 'No try-on finished in this period.'
      }
      empty={!worst}
      emptyText="No finished try-ons in this period yet."
      table={{
        columns: ['Day', 'Success rate'],
        rows: series.map((p) => ({ key: p.day, cells: [p.day, formatPercent(p.success_rate)] })),
      }}
    >
      <LineChart
        accessibilityLayer={false}
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      >
        {grid}
        {xAxis}
        <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} tick={axisTick} />
        <Tooltip labelFormatter={dayLabel} formatter={(v) => [`${String(v)}%`, 'Success rate']} />
        <Line
          isAnimationActive={false}
          type="monotone"
          dataKey="rate"
          name="Success rate"
          stroke={COLORS.rate}
          strokeWidth={2}
          dot={{ r: 2.5 }}
          connectNulls={false}
        />
      </LineChart>
    </ChartCard>
  );
}

export function ProcessingChart({
  series,
  avg,
  p95,
}: {
  series: Point[];
  avg: number | null;
  p95: number | null;
}) {
  const data = series.map((p) => ({
    day: p.day,
    avg: p.avg_processing_ms === null ? null : p.avg_processing_ms / 1000,
    p95: p.p95_processing_ms === null ? null : p.p95_processing_ms / 1000,
  }));
  const slowest = peakDay(series, (p) => p.p95_processing_ms);
  return (
    <ChartCard
      testId="chart-processing"
      title="Processing time"
      summary={
        slowest
          ? `Average ${formatDuration(avg)}, 95th percentile ${formatDuration(p95)}; the slowest day was ${shortDay(slowest.day)} (p95 ${formatDuration(slowest.value)}).`
          : 'No completed try-ons to time in this period.'
      }
      empty={!slowest}
      emptyText="No completed try-ons to time yet."
      table={{
        columns: ['Day', 'Average', 'p95'],
        rows: series.map((p) => ({
          key: p.day,
          cells: [p.day, formatDuration(p.avg_processing_ms), formatDuration(p.p95_processing_ms)],
        })),
      }}
    >
      <LineChart
        accessibilityLayer={false}
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      >
        {grid}
        {xAxis}
        <YAxis tickFormatter={(v: number) => `${Number(v.toFixed(1))}s`} tick={axisTick} />
        <Tooltip
          labelFormatter={dayLabel}
          formatter={(v, name) => [formatDuration(Number(v) * 1000), String(name)]}
        />
        {legend}
        <Line
          isAnimationActive={false}
          type="monotone"
          dataKey="avg"
          name="Average"
          stroke={COLORS.avg}
          strokeWidth={2}
          dot={{ r: 2.5 }}
        />
        <Line
          isAnimationActive={false}
          type="monotone"
          dataKey="p95"
          name="p95"
          stroke={COLORS.p95}
          strokeWidth={2}
          strokeDasharray="5 3"
          dot={{ r: 2.5 }}
        />
      </LineChart>
    </ChartCard>
  );
}

export function CreditsChart({ series }: { series: Point[] }) {
  const spent = sum(series, (p) => p.credits_spent);
  const refunded = sum(series, (p) => p.credits_refunded);
  const purchased = sum(series, (p) => p.credits_purchased);
  const empty = spent + refunded + purchased === 0;
  return (
    <ChartCard
      testId="chart-credits"
      title="Credits"
      summary={
        empty
          ? 'No credits spent, refunded or purchased in this period.'
          : `${formatCount(spent)} spent on try-ons, ${formatCount(refunded)} refunded for failures, ${formatCount(purchased)} purchased.`
      }
      empty={empty}
      emptyText="No credit movements in this period yet."
      table={{
        columns: ['Day', 'Spent', 'Refunded', 'Purchased'],
        rows: series.map((p) => ({
          key: p.day,
          cells: [p.day, p.credits_spent, p.credits_refunded, p.credits_purchased],
        })),
      }}
    >
      <BarChart
        accessibilityLayer={false}
        data={series}
        margin={{ top: 8, right: 8, bottom: 0, left: -8 }}
      >
        {grid}
        {xAxis}
        <YAxis allowDecimals={false} tick={axisTick} />
        <Tooltip labelFormatter={dayLabel} />
        {legend}
        <Bar isAnimationActive={false} dataKey="credits_spent" name="Spent" fill={COLORS.spent} />
        <Bar
          isAnimationActive={false}
          dataKey="credits_refunded"
          name="Refunded"
          fill={COLORS.refunded}
        />
        <Bar
          isAnimationActive={false}
          dataKey="credits_purchased"
          name="Purchased"
          fill={COLORS.purchased}
        />
      </BarChart>
    </ChartCard>
  );
}

export function RevenueChart({ series, currency }: { series: Point[]; currency: string }) {
  const total = sum(series, (p) => p.revenue_cents ?? 0);
  const best = peakDay(series, (p) => p.revenue_cents ?? 0);
  return (
    <ChartCard
      testId="chart-revenue"
      title="Revenue"
      summary={
        best
          ? `${formatCents(total, currency)} from completed payments; the best day was ${shortDay(best.day)} with ${formatCents(best.value, currency)}.`
          : 'No payments in this period.'
      }
      empty={!best}
      emptyText="No payments in this period yet."
      table={{
        columns: ['Day', 'Revenue'],
        rows: series.map((p) => ({
          key: p.day,
          cells: [p.day, formatCents(p.revenue_cents ?? 0, currency)],
        })),
      }}
    >
      <AreaChart
        accessibilityLayer={false}
        data={series}
        margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
      >
        {grid}
        {xAxis}
        <YAxis
          tickFormatter={(v: number) => formatCents(v, currency).replace(/\.00$/, '')}
          tick={axisTick}
        />
        <Tooltip
          labelFormatter={dayLabel}
          formatter={(v) => [formatCents(Number(v), currency), 'Revenue']}
        />
        <Area
          isAnimationActive={false}
          type="monotone"
          dataKey="revenue_cents"
          name="Revenue"
          stroke={COLORS.revenue}
          fill={COLORS.revenue}
          fillOpacity={0.15}
          strokeWidth={2}
        />
      </AreaChart>
    </ChartCard>
  );
}

export function PeopleChart({
  series,
  activeTotal,
}: {
  series: Point[];
  activeTotal: number | null;
}) {
  const signups = sum(series, (p) => p.signups);
  const busiest = peakDay(series, (p) => p.active_users);
  const empty = signups === 0 && !busiest;
  return (
    <ChartCard
      testId="chart-people"
      title="Signups and active people"
      summary={
        empty
          ? 'No signups and nobody active in this period.'
          : `${formatCount(signups)} signups; ${formatCount(activeTotal)} different people started a try-on${busiest ? `, most on ${shortDay(busiest.day)} (${formatCount(busiest.value)})` : ''}.`
      }
      empty={empty}
      emptyText="No signups or activity in this period yet."
      table={{
        columns: ['Day', 'Signups', 'Active people'],
        rows: series.map((p) => ({ key: p.day, cells: [p.day, p.signups, p.active_users] })),
      }}
    >
      <LineChart
        accessibilityLayer={false}
        data={series}
        margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      >
        {grid}
        {xAxis}
        <YAxis allowDecimals={false} tick={axisTick} />
        <Tooltip labelFormatter={dayLabel} />
        {legend}
        <Line
          isAnimationActive={false}
          type="monotone"
          dataKey="signups"
          name="Signups"
          stroke={COLORS.signups}
          strokeWidth={2}
          dot={false}
        />
        <Line
          isAnimationActive={false}
          type="monotone"
          dataKey="active_users"
          name="Active people"
          stroke={COLORS.active}
          strokeWidth={2}
          strokeDasharray="5 3"
          dot={false}
        />
      </LineChart>
    </ChartCard>
  );
}
