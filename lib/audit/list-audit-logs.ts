import type { QueryFilter } from 'mongoose';
import { AuditLog, type AuditLogDoc } from '@/models';
import { connectDb } from '@/lib/db';
import type { ListAuditLogsQuery } from './schemas';

export interface AuditLogPage {
  entries: AuditLogDoc[];
  page: number;
  limit: number;
  total: number;
}

/** Newest first, filtered by entity, actor or action (each served by an index or a small scan). */
export async function listAuditLogs(query: ListAuditLogsQuery): Promise<AuditLogPage> {
  await connectDb();
  const filter: QueryFilter<AuditLogDoc> = {
    ...(query.entity_type ? { entityType: query.entity_type } : {}),
    ...(query.entity_id ? { entityId: query.entity_id } : {}),
    ...(query.actor_id ? { actorId: query.actor_id } : {}),
    ...(query.action ? { action: query.action } : {}),
  };
  const [entries, total] = await Promise.all([
    AuditLog.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean(),
    AuditLog.countDocuments(filter),
  ]);
  return { entries: entries as AuditLogDoc[], page: query.page, limit: query.limit, total };
}
