import type { InngestFunction } from 'inngest';
import type { OutgoingEvent } from './events';

/**
 * The job contracts: what a durable function is, independent of who runs it.
 * inngest/ adapts them to the Inngest SDK (inngest/define.ts); the inline
 * runner (./inline.ts) runs them in-process. lib/ depends only on this file.
 */

/**
 * The step tools a TrailRoom function uses. Both real Inngest and the inline
 * runner provide them, so a function body is written once. Step results must
 * be plain JSON data: Inngest stores them between attempts.
 */
export interface StepTools {
  run<T>(id: string, fn: () => Promise<T> | T): Promise<T>;
  sleep(id: string, ms: number): Promise<void>;
  sendEvent(id: string, events: OutgoingEvent | OutgoingEvent[]): Promise<unknown>;
}

/** An event as a function (or the inline runner) receives it: any name, untyped catalog. */
export interface FunctionEvent<TData> {
  name: string;
  data: TData;
  id?: string;
}

/** What the inline runner dispatches: catalog events, or test events with any name. */
export interface RunnableEvent {
  name: string;
  data: object;
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

/** Any defined function, as lists of them are held. */
export type AnyDefinedFunction = DefinedFunction<never, unknown>;
