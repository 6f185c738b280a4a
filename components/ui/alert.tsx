import type { ReactNode } from 'react';
import { cn } from './cn';

const TONES = {
  error: 'border-red-200 bg-red-50 text-red-900',
  success: 'border-green-200 bg-green-50 text-green-900',
  info: 'border-slate-200 bg-slate-50 text-slate-800',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
} as const;

/**
 * A boxed message. Errors are announced at once (role="alert"); other tones
 * are polite (role="status").
 */
export function Alert({
  tone = 'error',
  children,
  className,
}: {
  tone?: keyof typeof TONES;
  children: ReactNode;
  className?: string;
}) {
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('rounded-lg border p-3 text-sm', TONES[tone], className)}
    >
      {children}
    </p>
  );
}
