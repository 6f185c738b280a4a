import type { AnyDefinedFunction } from './contracts';
import type { OutgoingEvent } from './events';

/**
 * Who runs jobs, registered once at start-up by the adapter (inngest/register.ts,
 * called from instrumentation.ts, the /api/inngest route and the test setups),
 * so lib/ never imports inngest/. Kept on globalThis: Next.js bundles
 * instrumentation and route handlers separately, and tests reset modules.
 */
export interface JobRuntime {
  /** Every durable function (the inline runner dispatches to them). */
  functions(): Promise<readonly AnyDefinedFunction[]>;
  /** Sends events to the Inngest server (cloud, self-hosted, dev mode). */
  send(events: OutgoingEvent[]): Promise<{ ids: string[] }>;
}

const g = globalThis as typeof globalThis & { __trailroomJobRuntime?: JobRuntime };

export function registerJobRuntime(runtime: JobRuntime): void {
  g.__trailroomJobRuntime = runtime;
}

export function jobRuntime(): JobRuntime {
  const runtime = g.__trailroomJobRuntime;
  if (!runtime) {
    throw new Error(
      'No job runtime registered: call registerJobs() from inngest/register at start-up',
    );
  }
  return runtime;
}
