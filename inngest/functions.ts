import type { DefinedFunction } from './define';

/**
 * Every durable function, served at /api/inngest and run by the inline shim.
 * Add one import per file in inngest/.
 */
export const functions: readonly DefinedFunction<never, unknown>[] = [] as const;
