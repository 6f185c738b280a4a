import type { InngestFunction } from 'inngest';
import { inngest } from './client';

/**
 * The step tools a TrailRoom function uses. Both real Inngest and the inline
 * shim (lib/jobs/inline.ts) provide them, so a function body is written once.
 * Step results must be plain JSON data: Inngest stores them between attempts.
 */
export interface StepTools {
  run<T>(id: string, fn: () => Promise<T> | T): Promise<T>;
  sleep(id: string, ms: number): Promise<void>;
  sendEvent(id: string, events: OutgoingEvent | OutgoingEvent[]): Promise<unknown>;
}

export interface OutgoingEvent {
  name: string;
  data: Record<string, unknown>;
  /** Deterministic id: Inngest (and the inline shim) drop a repeated id. */
  id?: string;
}

export interface FunctionEvent<TData> {
  name: string;
  data: TData;
  id?: string;
}

export interface HandlerContext<TData> {
  event: FunctionEvent<TData>;
  step: StepTools;
  /** 0 on the first attempt. */
  attempt: number;
  /**
   * Who runs it. `inngest`: a sleep is durable (any length). `inline`: a sleep
   * is a timer in this process, lost on restart — long waits belong in the
   * database (see webhooks-deliver).
   */
  runner: 'inngest' | 'inline';
}

export interface FailureContext<TData> {
  /** The event that started the failed run. */
  event: FunctionEvent<TData>;
  error: { name: string; message: string };
  step: StepTools;
}

export type Trigger = { event: string } | { cron: string };

export interface FunctionDefinition<TData = Record<string, unknown>, TResult = unknown> {
  id: string;
  trigger: Trigger;
  /** Retries after the first attempt (Inngest's `retries`). */
  retries:
    0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20;
  /** Per-key concurrency, e.g. `{ limit: 2, key: 'event.data.userId' }`. */
  concurrency?: { limit: number; key?: string };
  throttle?: { limit: number; period: `${number}${'s' | 'm' | 'h'}`; key?: string };
  /** Inline mode only: how often a cron function runs in-process. */
  inlineIntervalMs?: number;
  /** Runs only in inline mode (never served to an Inngest server). */
  inlineOnly?: boolean;
  handler: (ctx: HandlerContext<TData>) => Promise<TResult>;
  onFailure?: (ctx: FailureContext<TData>) => Promise<unknown>;
}

export interface DefinedFunction<TData = Record<string, unknown>, TResult = unknown> {
  definition: FunctionDefinition<TData, TResult>;
  /** The real Inngest function, served at /api/inngest and run by @inngest/test. */
  fn: InngestFunction.Any;
}

interface RawCtx {
  event: { name: string; data: unknown; id?: string };
  step: unknown;
  attempt?: number;
  error?: unknown;
}

function asStepTools(step: unknown): StepTools {
  // Inngest's step tools satisfy StepTools structurally (sleep takes ms or a
  // duration string); only the generic return type differs (Jsonify<T>).
  return step as StepTools;
}

/** Defines a durable function once, for Inngest and for the inline shim. */
export function defineFunction<TData, TResult>(
  definition: FunctionDefinition<TData, TResult>,
): DefinedFunction<TData, TResult> {
  const options = {
    id: definition.id,
    retries: definition.retries,
    triggers: [definition.trigger],
    ...(definition.concurrency ? { concurrency: definition.concurrency } : {}),
    ...(definition.throttle ? { throttle: definition.throttle } : {}),
    ...(definition.onFailure
      ? {
          onFailure: async (raw: RawCtx) => {
            const failure = raw.event.data as {
              event: FunctionEvent<TData>;
              error: { name?: string; message?: string };
            };
            return definition.onFailure!({
              event: failure.event,
              error: {
                name: failure.error?.name ?? 'Error',
                message: failure.error?.message ?? 'unknown error',
              },
              step: asStepTools(raw.step),
            });
          },
        }
      : {}),
  };
  const fn = (
    inngest.createFunction as unknown as (
      opts: typeof options,
      handler: (ctx: RawCtx) => Promise<TResult>,
    ) => InngestFunction.Any
  )(options, async (raw) =>
    definition.handler({
      event: raw.event as FunctionEvent<TData>,
      step: asStepTools(raw.step),
      attempt: raw.attempt ?? 0,
      runner: 'inngest',
    }),
  );
  return { definition, fn };
}
