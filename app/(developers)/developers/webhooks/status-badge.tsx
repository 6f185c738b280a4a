import { cn } from '@/components/ui/cn';

const STYLES = {
  succeeded: 'bg-emerald-100 text-emerald-900',
  enabled: 'bg-emerald-100 text-emerald-900',
  pending: 'bg-amber-100 text-amber-900',
  paused: 'bg-slate-200 text-slate-800',
  failed: 'bg-red-100 text-red-900',
  disabled: 'bg-red-100 text-red-900',
} as const;

const LABELS: Record<keyof typeof STYLES, string> = {
  succeeded: 'Delivered',
  enabled: 'Enabled',
  pending: 'Retrying',
  paused: 'Paused',
  failed: 'Failed',
  disabled: 'Disabled',
};

/** A status in words and colour (the words alone carry the meaning). */
export function StatusBadge({ status, label }: { status: keyof typeof STYLES; label?: string }) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap',
        STYLES[status],
      )}
    >
      {label ?? LABELS[status]}
    </span>
  );
}
