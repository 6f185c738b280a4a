import type { OutgoingEvent } from '@/inngest/define';
import { inngest } from '@/inngest/client';
import { inngestMode } from '@/lib/env';
import { dispatchInline } from './inline';

/**
 * Sends events to Inngest, or runs their functions in-process in inline mode.
 * Give every event a deterministic `id` (e.g. `tryon:<jobId>`): a repeated id
 * is dropped, so a retried request cannot start the same work twice.
 */
export async function sendEvent(
  events: OutgoingEvent | OutgoingEvent[],
): Promise<{ ids: string[] }> {
  const list = Array.isArray(events) ? events : [events];
  if (inngestMode === 'inline') {
    const { functions } = await import('@/inngest/functions');
    return dispatchInline(list, functions);
  }
  const result = await inngest.send(
    list.map((e) => ({ name: e.name, data: e.data, ...(e.id ? { id: e.id } : {}) })),
  );
  return { ids: result.ids };
}
