'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface UsageChartPoint {
  day: string;
  spent: number;
  refunded: number;
  added: number;
}

function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** Credits spent, refunded and added per day. A table with the same figures follows for screen readers. */
export function UsageChart({ points }: { points: UsageChartPoint[] }) {
  const empty = points.every((p) => p.spent === 0 && p.refunded === 0 && p.added === 0);
  return (
    <figure>
      <div className="h-64 w-full" aria-hidden="true">
        {empty ? (
          <div className="flex h-full items-center justify-center rounded-lg border border-dashed border-slate-300 text-sm text-slate-600">
            No credit activity in the last 30 days yet.
          </div>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              accessibilityLayer={false}
              data={points}
              margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
              <XAxis
                dataKey="day"
                tickFormatter={shortDay}
                tick={{ fontSize: 12, fill: '#475569' }}
                interval="preserveStartEnd"
                minTickGap={24}
              />
              <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} />
              <Tooltip labelFormatter={(d) => shortDay(String(d))} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="spent" name="Spent" stackId="a" fill="#164dd9" />
              <Bar dataKey="refunded" name="Refunded" stackId="b" fill="#f59e0b" />
              <Bar dataKey="added" name="Added" stackId="c" fill="#10b981" />
            </BarChart>
          </ResponsiveContainer>
        )}
      </div>
      <figcaption className="sr-only">
        Credits per day over the last 30 days.
        <table>
          <thead>
            <tr>
              <th>Day</th>
              <th>Spent</th>
              <th>Refunded</th>
              <th>Added</th>
            </tr>
          </thead>
          <tbody>
            {points
              .filter((p) => p.spent || p.refunded || p.added)
              .map((p) => (
                <tr key={p.day}>
                  <td>{p.day}</td>
                  <td>{p.spent}</td>
                  <td>{p.refunded}</td>
                  <td>{p.added}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
