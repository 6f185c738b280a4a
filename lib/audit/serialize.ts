import type { AuditLogDoc } from '@/models';
import type { AuditLogJson } from './schemas';

export function serializeAuditLog(doc: AuditLogDoc): AuditLogJson {
  return {
    id: doc._id.toString(),
    actor: {
      id: doc.actorId.toString(),
      email: doc.actorEmail ?? null,
      role: doc.actorRole ?? null,
    },
    action: doc.action,
    entity: { type: doc.entityType, id: doc.entityId ?? null },
    before: doc.before ?? null,
    after: doc.after ?? null,
    reason: doc.reason ?? null,
    ip: doc.ip ?? null,
    user_agent: doc.userAgent ?? null,
    request_id: doc.requestId ?? null,
    created_at: doc.createdAt.toISOString(),
  };
}
