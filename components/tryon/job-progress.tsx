'use client';

import * as Progress from '@radix-ui/react-progress';
import { cn } from '@/components/ui/cn';

export type StudioStage = 'uploading' | 'queued' | 'processing' | 'completed' | 'failed';

const STEPS: Array<{ key: Exclude<StudioStage, 'failed'>; label: string }> = [
  { key: 'uploading', label: 'Upload' },
  { key: 'queued', label: 'Queued' },
  { key: 'processing', label: 'Generating' },
  { key: 'completed', label: 'Done' },
];

/** Rough share of the work each stage represents, for the bar (generation dominates). */
function percent(stage: StudioStage, uploadPercent: number, elapsedMs: number): number {
  if (stage === 'uploading') return Math.round(uploadPercent * 0.2);
  if (stage === 'queued') return 25;
  // Generation has no progress signal: ease towards 95% so the bar keeps moving.
  if (stage === 'processing') return Math.round(30 + 65 * (1 - Math.exp(-elapsedMs / 15_000)));
  return 100;
}

export function formatElapsed(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

export interface JobProgressProps {
  stage: StudioStage;
  uploadPercent: number;
  elapsedMs: number;
  /** The stage reached before a failure, to show where it stopped. */
  failedAt?: Exclude<StudioStage, 'failed' | 'completed'>;
}

export function JobProgress({ stage, uploadPercent, elapsedMs, failedAt }: JobProgressProps) {
  const value = stage === 'failed' ? 100 : percent(stage, uploadPercent, elapsedMs);
  const current = stage === 'failed' ? (failedAt ?? 'processing') : stage;
  const currentIndex = STEPS.findIndex((s) => s.key === current);
  const statusText =
    stage === 'uploading'
      ? `Uploading photos… ${uploadPercent}%`
      : stage === 'queued'
        ? 'Waiting for a free slot…'
        : stage === 'processing'
          ? 'Generating your outfit…'
          : stage === 'completed'
            ? 'Done'
            : 'Generation failed';
  return (
    <div className="flex flex-col gap-3" data-testid="job-progress" data-stage={stage}>
      <ol className="flex items-center gap-2 text-xs sm:text-sm" aria-label="Progress">
        {STEPS.map((step, i) => {
          const done = stage === 'completed' || i < currentIndex;
          const active = i === currentIndex && stage !== 'completed';
          const failedHere = stage === 'failed' && active;
          return (
            <li
              key={step.key}
              className="flex flex-1 items-center gap-2"
              aria-current={active ? 'step' : undefined}
            >
              <span
                className={cn(
                  'flex h-6 w-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold',
                  done && 'border-brand-700 bg-brand-700 text-white',
                  active && !failedHere && 'border-brand-700 text-brand-700',
                  failedHere && 'border-red-700 bg-red-700 text-white',
                  !done && !active && 'border-slate-300 text-slate-500',
                )}
                aria-hidden="true"
              >
                {done ? '✓' : failedHere ? '!' : i + 1}
              </span>
              <span
                className={cn(
                  'truncate',
                  active || done ? 'font-medium text-slate-900' : 'text-slate-600',
                )}
              >
                {step.label}
              </span>
              {i < STEPS.length - 1 ? (
                <span aria-hidden="true" className="hidden h-px flex-1 bg-slate-200 sm:block" />
              ) : null}
            </li>
          );
        })}
      </ol>
      <Progress.Root
        value={value}
        max={100}
        aria-label="Try-on progress"
        className="relative h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <Progress.Indicator
          className={cn(
            'h-full transition-transform duration-500 ease-out',
            stage === 'failed' ? 'bg-red-700' : 'bg-brand-700',
          )}
          style={{ transform: `translateX(-${100 - value}%)` }}
        />
      </Progress.Root>
      <div className="flex justify-between text-sm text-slate-700">
        <span role="status" aria-live="polite" data-testid="job-status-text">
          {statusText}
        </span>
        <span className="tabular-nums" aria-label="Elapsed time">
          {formatElapsed(elapsedMs)}
        </span>
      </div>
    </div>
  );
}
