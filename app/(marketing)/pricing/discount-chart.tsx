import type { CurvePoint } from '@/lib/pricing';
import { formatCompact, formatCount } from '@/lib/format';

const W = 640;
const H = 240;
const PAD = { left: 44, right: 16, top: 12, bottom: 28 };
const X_MIN = Math.log(300);
const X_MAX = Math.log(100_000);
const Y_MAX = 2_500;
const TICKS = [300, 1_000, 2_100, 5_000, 10_000, 50_000, 100_000];
const pct = (bps: number) => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 1)}%`;

const x = (credits: number) =>
  PAD.left + ((Math.log(credits) - X_MIN) / (X_MAX - X_MIN)) * (W - PAD.left - PAD.right);
const y = (bps: number) => PAD.top + (1 - bps / Y_MAX) * (H - PAD.top - PAD.bottom);

/**
 * The discount curve (log scale), drawn from points sampled from lib/pricing
 * (the function that charges) as plain SVG: no chart library, so the page
 * ships no chart JavaScript. The dot follows the chosen amount.
 */
export function DiscountChart({
  curve,
  credits,
  discountBps,
}: {
  curve: CurvePoint[];
  credits: number;
  discountBps: number;
}) {
  const line = curve.map((p) => `${x(p.credits).toFixed(1)},${y(p.discountBps).toFixed(1)}`);
  return (
    <figure className="w-full">
      <figcaption className="mb-2 text-sm font-medium text-slate-800">
        Discount by number of credits (log scale)
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Discount by pack size: none below 2,100 credits, 10% at 2,100, rising to 25% at 50,000 and above. Your selection: ${formatCount(credits)} credits, ${pct(discountBps)} off.`}
      >
        {[0, 500, 1_000, 1_500, 2_000, 2_500].map((bps) => (
          <g key={bps}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(bps)}
              y2={y(bps)}
              stroke="#e2e8f0"
              strokeDasharray="3 3"
            />
            <text x={PAD.left - 6} y={y(bps) + 4} textAnchor="end" fontSize="12" fill="#475569">
              {pct(bps)}
            </text>
          </g>
        ))}
        {TICKS.map((t) => (
          <text key={t} x={x(t)} y={H - 8} textAnchor="middle" fontSize="12" fill="#475569">
            {formatCompact(t)}
          </text>
        ))}
        <polyline points={line.join(' ')} fill="none" stroke="#164dd9" strokeWidth="2" />
        <circle
          cx={x(credits)}
          cy={y(discountBps)}
          r="6"
          fill="#164dd9"
          stroke="#fff"
          strokeWidth="2"
        />
      </svg>
    </figure>
  );
}
