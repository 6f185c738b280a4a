'use client';

import type { ReactNode } from 'react';
import { CartesianGrid, Legend, ResponsiveContainer, XAxis } from 'recharts';
import { shortDay } from '@/lib/analytics/format';
import type { AnalyticsJson } from '@/lib/analytics/serialize';

/** The frame every analytics chart shares: the card, its colours, axes and table. */
export type Point = AnalyticsJson['series'][number];

export const COLORS = {
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

export const axisTick = { fontSize: 12, fill: '#475569' };
export const sum = (pts: readonly Point[], f: (p: Point) => number) =>
  pts.reduce((a, p) => a + f(p), 0);

/**
 * One chart card: title, the chart (hidden from screen readers), a sentence
 * that says what it shows, and the same figures as a table on demand.
 */
export function ChartCard({
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
        <summary className="cursor-pointer text-slate-700 underline-offset-2 hover:underline max-sm:py-3">
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

export const xAxis = (
  <XAxis
    dataKey="day"
    tickFormatter={shortDay}
    tick={axisTick}
    interval="preserveStartEnd"
    minTickGap={28}
  />
);
export const grid = <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />;
export const legend = <Legend wrapperStyle={{ fontSize: 12 }} />;
export const dayLabel = (d: unknown) => shortDay(String(d));
