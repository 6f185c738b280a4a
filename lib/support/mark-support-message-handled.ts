import { SupportMessage, type SupportMessageDoc } from '@/models/support-message';
import { recordAudit, type AuditActor, type RequestMeta } from '@/lib/audit';
import { notFound } from '@/lib/errors';

/**
 * Marks a support message handled (or open again) and records who did it.
 * Read and written by `_id` alone; setting the status it already has changes
 * nothing and writes no audit entry.
 */
export async function markSupportMessageHandled(input: {
  id: string;
  handled: boolean;
  actor: AuditActor;
  meta?: RequestMeta;
}): Promise<SupportMessageDoc> {
  const { id, handled, actor, meta } = input;
  if (!/^[0-9a-f]{24}$/i.test(id)) throw notFound('Support message');
  const before = await SupportMessage.findById(id).lean<SupportMessageDoc>();
  if (!before) throw notFound('Support message');
  const status = handled ? 'handled' : 'open';
  if (before.status === status) return before;
  const after = await SupportMessage.findByIdAndUpdate(
    id,
    handled
      ? { $set: { status, handledAt: new Date(), handledBy: actor.userId } }
      : { $set: { status }, $unset: { handledAt: 1, handledBy: 1 } },
    { returnDocument: 'after' },
  ).lean<SupportMessageDoc>();
  if (!after) throw notFound('Support message');
  await recordAudit({
    actor,
    action: handled ? 'support_message.handle' : 'support_message.reopen',
    entity: { type: 'support_message', id },
    before: { status: before.status },
    after: { status },
    meta,
  });
  return after;
}
