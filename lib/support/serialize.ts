import type { SupportMessageDoc } from '@/models/support-message';
import type { SupportMessageJson } from './schemas';

export function serializeSupportMessage(m: SupportMessageDoc): SupportMessageJson {
  return {
    id: m._id.toString(),
    email: m.email,
    name: m.name ?? null,
    user_id: m.userId ? m.userId.toString() : null,
    topic: m.topic,
    message: m.message,
    status: m.status,
    created_at: m.createdAt.toISOString(),
    handled_at: m.handledAt ? m.handledAt.toISOString() : null,
  };
}
