import { inngestMode } from '@/lib/env';
import type { OutgoingEvent } from './events';
import { dispatchInline } from './inline';
import { jobRuntime } from './runtime';

/**
 * Sends events to Inngest, or runs their functions in-process in inline mode.
 * Give every event a deterministic `id` (e.g. `tryon:<jobId>`): a repeated id
 * is dropped, so a retried request cannot start the same work twice.
 */
export async function sendEvent(
  events: OutgoingEvent | OutgoingEvent[],
): Promise<{ ids: string[] }> {
  const list = Array.isArray(events) ? events : [events];
  const runtime = jobRuntime();
  if (inngestMode === 'inline') return dispatchInline(list, await runtime.functions());
  return runtime.send(list);
}
