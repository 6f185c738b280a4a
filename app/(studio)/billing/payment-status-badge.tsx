import { cn } from '@/components/ui/cn';
import type { PaymentJson } from '@/lib/billing';

const STYLES: Record<PaymentJson['status'], { label: string; cls: string }> = {
  created: { label: 'Awaiting payment', cls: 'bg-slate-100 text-slate-800' },
  pending: { label: 'Processing', cls: 'bg-amber-100 text-amber-900' },
  paid: { label: 'Paid', cls: 'bg-emerald-100 text-emerald-900' },
  failed: { label: 'Failed', cls: 'bg-red-100 text-red-900' },
  canceled: { label: 'Canceled', cls: 'bg-slate-100 text-slate-800' },
  refunded: { label: 'Refunded', cls: 'bg-sky-100 text-sky-900' },
  partially_refunded: { label: 'Partly refunded', cls: 'bg-sky-100 text-sky-900' },
  disputed: { label: 'Disputed', cls: 'bg-red-100 text-red-900' },
  flagged: { label: 'Under review', cls: 'bg-amber-100 text-amber-900' },
};

export function PaymentStatusBadge({ status }: { status: PaymentJson['status'] }) {
  const s = STYLES[status];
  return (
    <span className={cn('inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold', s.cls)}>
      {s.label}
    </span>
  );
}
