'use client';

import { Area, AreaChart, Bar, BarChart, Line, LineChart, Tooltip, YAxis } from 'recharts';
import { formatCents } from '@/components/price';
import { formatCount, peakDay, shortDay } from '@/lib/analytics/format';
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

/** Credits, revenue and people charts of the analytics page. */

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
