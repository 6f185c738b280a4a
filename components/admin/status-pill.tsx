import { cn } from '@/components/ui/cn';

const TONE: Record<string, string> = {
  queued: 'bg-slate-100 text-slate-800',
  processing: 'bg-sky-100 text-sky-900',
  completed: 'bg-green-100 text-green-900',
  failed: 'bg-red-100 text-red-900',
  canceled: 'bg-slate-200 text-slate-700',
  stuck: 'bg-amber-100 text-amber-900',
  created: 'bg-slate-100 text-slate-800',
  pending: 'bg-sky-100 text-sky-900',
  paid: 'bg-green-100 text-green-900',
  refunded: 'bg-violet-100 text-violet-900',
  partially_refunded: 'bg-violet-50 text-violet-900',
  disputed: 'bg-orange-100 text-orange-900',
  flagged: 'bg-amber-100 text-amber-900',
  succeeded: 'bg-green-100 text-green-900',
  're-queued': 'bg-sky-100 text-sky-900',
};

/** A job, payment or refund status as a small coloured label (the text carries the meaning, not the colour). */
export function StatusPill({ status, className }: { status: string; className?: string }) {
  return (
    <span
      className={cn(
        'inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        TONE[status] ?? 'bg-slate-100 text-slate-800',
        className,
      )}
    >
      {status.replace(/_/g, ' ')}
    </span>
  );
}
