'use client';

import { useEffect, useRef } from 'react';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { ApiError } from './api-error';
import { tryonApi } from './tryon';

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'canceled']);

/** After this many failed polls in a row the caller hears about it (the polling goes on). */
export const LOST_AFTER_FAILURES = 10;

/**
 * The wait before poll number `attempt` (0-based): every second at first,
 * slowing by a quarter each poll to at most `maxMs`; failures back off twice
 * as fast so a struggling server is not hammered.
 */
export function pollDelay(
  attempt: number,
  failures: number,
  { baseMs = 1000, maxMs = 5000 }: { baseMs?: number; maxMs?: number } = {},
): number {
  const slow = baseMs * 1.25 ** Math.max(0, attempt - 10) * 2 ** Math.min(failures, 6);
  return Math.min(maxMs, Math.round(slow));
}

export interface TryonJobHandlers {
  /** Every poll's answer; the last one has a terminal status. */
  onUpdate: (job: TryonJobResponse) => void;
  /** Called once when LOST_AFTER_FAILURES polls in a row failed. */
  onLost?: (error: ApiError) => void;
}

/**
 * Polls try-on `jobId` until it completes, fails or is canceled; `null`
 * stops polling. Ten quick polls (the usual job is done by then), then
 * gradually slower (see pollDelay). Unmounting or a new id aborts the poll.
 */
export function useTryonJob(
  jobId: string | null,
  handlers: TryonJobHandlers,
  opts?: { baseMs?: number; maxMs?: number },
): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const baseMs = opts?.baseMs;
  const maxMs = opts?.maxMs;

  useEffect(() => {
    if (!jobId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let failures = 0;

    const schedule = () => {
      timer = setTimeout(tick, pollDelay(attempt, failures, { baseMs, maxMs }));
    };
    const tick = async () => {
      attempt += 1;
      try {
        const job = await tryonApi.get(jobId, controller.signal);
        if (controller.signal.aborted) return;
        failures = 0;
        latest.current.onUpdate(job);
        if (TERMINAL_STATUSES.has(job.status)) return;
      } catch (err) {
        if (controller.signal.aborted) return;
        failures += 1;
        if (failures === LOST_AFTER_FAILURES)
          latest.current.onLost?.(
            err instanceof ApiError
              ? err
              : new ApiError(0, 'network_error', 'Lost contact with the server.'),
          );
      }
      schedule();
    };
    schedule();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId, baseMs, maxMs]);
}
