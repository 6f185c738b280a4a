'use client';

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CurvePoint } from '@/lib/pricing';

const TICKS = [300, 1_000, 2_100, 5_000, 10_000, 50_000, 100_000];
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US');
const pct = (bps: number) => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 1)}%`;

/** The discount curve, drawn from points sampled from lib/pricing (the function that charges). */
export function DiscountChart({
  curve,
  credits,
  discountBps,
}: {
  curve: CurvePoint[];
  credits: number;
  discountBps: number;
}) {
  return (
    <figure className="w-full">
      <figcaption className="mb-2 text-sm font-medium text-slate-800">
        Discount by number of credits (log scale)
      </figcaption>
      <div
        className="h-64 w-full"
        role="img"
        aria-label={`Discount by pack size: none below 2,100 credits, 10% at 2,100, rising to 25% at 50,000 and above. Your selection: ${whole.format(credits)} credits, ${pct(discountBps)} off.`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={curve} margin={{ top: 12, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis
              dataKey="credits"
              type="number"
              scale="log"
              domain={[300, 100_000]}
              ticks={TICKS}
              tickFormatter={(v: number) => compact.format(v)}
              stroke="#475569"
              fontSize={12}
            />
            <YAxis
              dataKey="discountBps"
              domain={[0, 2_500]}
              ticks={[0, 500, 1_000, 1_500, 2_000, 2_500]}
              tickFormatter={pct}
              stroke="#475569"
              fontSize={12}
              width={44}
            />
            <Tooltip
              formatter={(v) => [pct(Number(v)), 'Discount']}
              labelFormatter={(v) => `${whole.format(Number(v))} credits`}
            />
            <Line
              type="linear"
              dataKey="discountBps"
              stroke="#164dd9"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <ReferenceDot
              x={credits}
              y={discountBps}
              r={6}
              fill="#164dd9"
              stroke="#fff"
              strokeWidth={2}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
