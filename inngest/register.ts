import { registerJobRuntime } from '@/lib/jobs/runtime';

/**
 * Registers the job runtime for lib/jobs: the function list (run in-process
 * in inline mode) and the Inngest client (everything else). Called at
 * start-up — instrumentation.ts, the /api/inngest route, the test setups —
 * so lib/ never imports inngest/. Both load lazily: registering costs nothing
 * and reads no settings.
 */
export function registerJobs(): void {
  registerJobRuntime({
    functions: async () => (await import('./functions')).functions,
    send: async (events) => {
      const { inngest } = await import('./client');
      const result = await inngest.send(
        events.map((e) => ({ name: e.name, data: e.data, ...(e.id ? { id: e.id } : {}) })),
      );
      return { ids: result.ids };
    },
  });
}
