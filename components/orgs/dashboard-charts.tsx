'use client';

import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import {
  COLORS,
  ChartCard,
  axisTick,
  dayLabel,
  grid,
  legend,
  xAxis,
} from '@/components/admin/analytics-chart-card';
import { formatCount, shortDay } from '@/lib/analytics/format';
import { plural } from '@/lib/format';

export interface DashboardDay {
  day: string;
  completed: number;
  failed: number;
  other: number;
  credits_used: number;
}

export interface DashboardProduct {
  sku: string;
  tryons: number;
  completed: number;
}

/** Try-ons per day of the organisation, stacked by outcome. */
export function OrgTryonsChart({ series }: { series: DashboardDay[] }) {
  const total = series.reduce((a, p) => a + p.completed + p.failed + p.other, 0);
  const peak = series.reduce<DashboardDay | null>((best, p) => {
    const n = p.completed + p.failed + p.other;
    return n > 0 && (!best || n > best.completed + best.failed + best.other) ? p : best;
  }, null);
  return (
    <ChartCard
      testId="org-chart-tryons"
      title="Try-ons per day"
      summary={
        peak
          ? `${plural(total, 'try-on')}; the busiest day was ${shortDay(peak.day)} with ${formatCount(peak.completed + peak.failed + peak.other)}.`
          : 'No try-ons in this period.'
      }
      empty={!peak}
      emptyText="No try-ons in this period yet."
      table={{
        columns: ['Day', 'Completed', 'Failed', 'Other'],
        rows: series.map((p) => ({ key: p.day, cells: [p.day, p.completed, p.failed, p.other] })),
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
          dataKey="completed"
          name="Completed"
          stackId="t"
          fill={COLORS.completed}
        />
        <Bar
          isAnimationActive={false}
          dataKey="failed"
          name="Failed"
          stackId="t"
          fill={COLORS.failed}
        />
        <Bar
          isAnimationActive={false}
          dataKey="other"
          name="In progress / canceled"
          stackId="t"
          fill={COLORS.other}
          radius={[3, 3, 0, 0]}
        />
      </BarChart>
    </ChartCard>
  );
}

/** Credits the organisation's ledger charged per day, net of refunds. */
export function OrgCreditsChart({ series }: { series: DashboardDay[] }) {
  const total = series.reduce((a, p) => a + p.credits_used, 0);
  return (
    <ChartCard
      testId="org-chart-credits"
      title="Credits used per day"
      summary={
        total
          ? `${plural(total, 'credit')} used, net of refunds of failed try-ons.`
          : 'No credits used in this period.'
      }
      empty={total === 0}
      emptyText="No credits used in this period yet."
      table={{
        columns: ['Day', 'Credits used'],
        rows: series.map((p) => ({ key: p.day, cells: [p.day, p.credits_used] })),
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
        <Bar
          isAnimationActive={false}
          dataKey="credits_used"
          name="Credits used"
          fill={COLORS.spent}
          radius={[3, 3, 0, 0]}
        />
      </BarChart>
    </ChartCard>
  );
}

/** Try-ons per product (top SKUs), horizontal bars. */
export function OrgProductsChart({ products }: { products: DashboardProduct[] }) {
  const top = products.slice(0, 10);
  const first = top[0];
  return (
    <ChartCard
      testId="org-chart-products"
      title="Try-ons per product"
      summary={
        first
          ? `${plural(top.length, 'product')} tried on; the most tried is ${first.sku} with ${formatCount(first.tryons)}.`
          : 'No catalog product was tried on in this period.'
      }
      empty={!first}
      emptyText="No product try-ons in this period yet."
      table={{
        columns: ['SKU', 'Try-ons', 'Completed'],
        rows: top.map((p) => ({ key: p.sku, cells: [p.sku, p.tryons, p.completed] })),
      }}
    >
      <BarChart
        accessibilityLayer={false}
        data={top}
        layout="vertical"
        margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
      >
        {grid}
        <XAxis type="number" allowDecimals={false} tick={axisTick} />
        <YAxis type="category" dataKey="sku" width={96} tick={axisTick} />
        <Tooltip />
        {legend}
        <Bar
          isAnimationActive={false}
          dataKey="completed"
          name="Completed"
          fill={COLORS.completed}
        />
        <Bar
          isAnimationActive={false}
          dataKey="tryons"
          name="All try-ons"
          fill={COLORS.rate}
          radius={[0, 3, 3, 0]}
        />
      </BarChart>
    </ChartCard>
  );
}
