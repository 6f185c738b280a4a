import type { InngestFunction } from 'inngest';
import type {
  DefinedFunction,
  FunctionDefinition,
  FunctionEvent,
  StepTools,
} from '@/lib/jobs/contracts';
import { inngest } from './client';

// The contracts live in lib/jobs (lib/ never imports inngest/); this file adapts them to the SDK.
export type {
  DefinedFunction,
  FailureContext,
  FunctionDefinition,
  FunctionEvent,
  HandlerContext,
  StepTools,
  Trigger,
} from '@/lib/jobs/contracts';
export type { OutgoingEvent } from '@/lib/jobs/events';

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
