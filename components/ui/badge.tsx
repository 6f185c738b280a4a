import type { ReactNode } from 'react';
import { cn } from './cn';

export const BADGE_TONES = {
  neutral: 'bg-slate-100 text-slate-800',
  muted: 'bg-slate-200 text-slate-700',
  info: 'bg-sky-100 text-sky-900',
  success: 'bg-green-100 text-green-900',
  danger: 'bg-red-100 text-red-900',
  warning: 'bg-amber-100 text-amber-900',
  violet: 'bg-violet-100 text-violet-900',
} as const;

export type BadgeTone = keyof typeof BADGE_TONES;

/** A small rounded status label. `className` may replace the tone's colours. */
export function Badge({
  tone = 'neutral',
  children,
  className,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={cn(
        'inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        BADGE_TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
