import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONES = {
  succeeded: 'success',
  enabled: 'success',
  pending: 'warning',
  paused: 'muted',
  failed: 'danger',
  disabled: 'danger',
} as const satisfies Record<string, BadgeTone>;

const LABELS: Record<keyof typeof TONES, string> = {
  succeeded: 'Delivered',
  enabled: 'Enabled',
  pending: 'Retrying',
  paused: 'Paused',
  failed: 'Failed',
  disabled: 'Disabled',
};

/** A status in words and colour (the words alone carry the meaning). */
export function StatusBadge({ status, label }: { status: keyof typeof TONES; label?: string }) {
  return (
    <Badge tone={TONES[status]} className="font-semibold">
      {label ?? LABELS[status]}
    </Badge>
  );
}
