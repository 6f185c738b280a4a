'use client';

import { Bar, BarChart, Line, LineChart, Tooltip, YAxis } from 'recharts';
import {
  formatCount,
  formatDuration,
  formatPercent,
  peakDay,
  shortDay,
} from '@/lib/analytics/format';
import {
  COLORS,
  axisTick,
  sum,
  ChartCard,
  xAxis,
  grid,
  legend,
  dayLabel,
  type Point,
} from './analytics-chart-card';

/** Try-on charts: volume, success rate, processing time. Money and people charts: analytics-money-charts.tsx. */
export { CreditsChart, RevenueChart, PeopleChart } from './analytics-money-charts';

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
