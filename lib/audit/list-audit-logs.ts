import type { QueryFilter } from 'mongoose';
import { dateRangeCondition, pageOffset, toDateRange } from '@/lib/api/list';
import { AuditLog, type AuditLogDoc } from '@/models';
import type { ListAuditLogsQuery } from './schemas';

export interface AuditLogPage {
  entries: AuditLogDoc[];
  page: number;
  limit: number;
  total: number;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function auditFilter(query: ListAuditLogsQuery): QueryFilter<AuditLogDoc> {
  const filter: QueryFilter<AuditLogDoc> = {
    ...(query.entity_type ? { entityType: query.entity_type } : {}),
    ...(query.entity_id ? { entityId: query.entity_id } : {}),
    ...(query.actor_id ? { actorId: query.actor_id } : {}),
    ...(query.action ? { action: new RegExp(escapeRegex(query.action), 'i') } : {}),
  };
  if (query.actor) {
    filter.$or = [
      { actorEmail: new RegExp(escapeRegex(query.actor), 'i') },
      ...(/^[0-9a-f]{24}$/i.test(query.actor) ? [{ actorId: query.actor }] : []),
    ];
  }
  const createdAt = dateRangeCondition(toDateRange(query));
  if (createdAt) filter.createdAt = createdAt;
  return filter;
}

/**
 * Newest first, filtered by entity, actor (id, or part of the email), action
 * (a case-insensitive substring) and date range. The entity and actor-id
 * filters use an index; the substring filters scan (the log is small and
 * admin-only).
 */
export async function listAuditLogs(query: ListAuditLogsQuery): Promise<AuditLogPage> {
  const filter = auditFilter(query);
  const [entries, total] = await Promise.all([
    AuditLog.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip(pageOffset(query))
      .limit(query.limit)
      .lean<AuditLogDoc[]>(),
    AuditLog.countDocuments(filter),
  ]);
  return { entries, page: query.page, limit: query.limit, total };
}

/** Whether any admin action was ever recorded (an empty filtered page says "no match", not "none yet"). */
export async function hasAuditLogs(): Promise<boolean> {
  return (await AuditLog.findOne({}, { _id: 1 }).lean()) !== null;
}
