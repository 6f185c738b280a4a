import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** `x-trailroom-simulate`: what a test key's try-on should do on the local provider. */
export const SIMULATE_HEADER = 'x-trailroom-simulate';
export const SIMULATED_OUTCOMES = ['failure', 'slow', 'safety_block'] as const;
export type SimulatedOutcome = (typeof SIMULATED_OUTCOMES)[number];

export const simulateHeaderSchema = z.enum(SIMULATED_OUTCOMES).meta({
  description:
    'Test keys only: `failure` fails the job (generation_failed), `safety_block` fails it as content_blocked, `slow` completes it after about 5 s. Never charged.',
});

/**
 * Reads the simulate header: absent → undefined; with a live key or a session
 * → 400 (a live request is never simulated); an unknown value → 400.
 */
export function readSimulateHeader(
  headers: Headers,
  caller: { livemode: boolean },
): SimulatedOutcome | undefined {
  const raw = headers.get(SIMULATE_HEADER);
  if (raw === null || raw.trim() === '') return undefined;
  if (caller.livemode)
    throw new AppError('bad_request', `${SIMULATE_HEADER} works with test keys (tr_test_) only`);
  const parsed = simulateHeaderSchema.safeParse(raw.trim().toLowerCase());
  if (!parsed.success)
    throw new AppError(
      'validation_error',
      `${SIMULATE_HEADER} must be one of ${SIMULATED_OUTCOMES.join(', ')}`,
    );
  return parsed.data;
}
