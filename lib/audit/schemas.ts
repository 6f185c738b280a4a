import { z } from 'zod';
import {
  dateRangeShape,
  objectIdSchema,
  paginationShape,
  withDateRange,
  withPagination,
} from '@/lib/api/list';

export const listAuditLogsQuery = withPagination(
  withDateRange(
    z.object({
      entity_type: z.string().trim().min(1).max(50).optional(),
      entity_id: z.string().trim().min(1).max(200).optional(),
      actor_id: objectIdSchema('a user id').optional(),
      /** The acting admin: part of their email address, or their user id. */
      actor: z.string().trim().min(1).max(320).optional(),
      /** Part of the action name, e.g. `suspend` or `credits.` (case-insensitive). */
      action: z.string().trim().min(1).max(100).optional(),
      ...dateRangeShape,
      ...paginationShape(),
    }),
  ),
);
export type ListAuditLogsQuery = z.infer<typeof listAuditLogsQuery>;

export const auditLogJson = z.object({
  id: z.string(),
  actor: z.object({ id: z.string(), email: z.string().nullable(), role: z.string().nullable() }),
  action: z.string(),
  entity: z.object({ type: z.string(), id: z.string().nullable() }),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  request_id: z.string().nullable(),
  created_at: z.string(),
});
export type AuditLogJson = z.infer<typeof auditLogJson>;

export const auditLogPageJson = z.object({
  data: z.array(auditLogJson),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
