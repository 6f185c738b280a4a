import { AuditLog } from '@/models';
import type { RequestMeta } from './request-meta';

/** Who acted: an admin (or the person themself, for self-service actions). */
export interface AuditActor {
  userId: string;
  email?: string;
  role?: string;
}

export interface AuditInput {
  actor: AuditActor;
  /** `<entity>.<verb>`, e.g. `user.suspend`, `credits.adjust`, `prompt.activate`. */
  action: string;
  entity: { type: string; id?: string };
  /** The changed fields before and after (only what changed, no secrets). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string;
  meta?: RequestMeta;
}

export interface AuditRecord {
  id: string;
  createdAt: Date;
}

/**
 * Writes one audit_logs entry. Every admin action calls this after its change
 * succeeded; a failure here surfaces as a 500 so an unaudited change is never
 * reported as a success.
 */
export async function recordAudit(input: AuditInput): Promise<AuditRecord> {
  const doc = await AuditLog.create({
    actorId: input.actor.userId,
    ...(input.actor.email ? { actorEmail: input.actor.email } : {}),
    ...(input.actor.role ? { actorRole: input.actor.role } : {}),
    action: input.action,
    entityType: input.entity.type,
    ...(input.entity.id ? { entityId: input.entity.id } : {}),
    ...(input.before ? { before: input.before } : {}),
    ...(input.after ? { after: input.after } : {}),
    ...(input.reason ? { reason: input.reason.slice(0, 1000) } : {}),
    ...(input.meta ?? {}),
  });
  return { id: doc._id.toString(), createdAt: doc.createdAt };
}
