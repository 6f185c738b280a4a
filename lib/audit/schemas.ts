import { z } from 'zod';

export const listAuditLogsQuery = z.object({
  entity_type: z.string().trim().min(1).max(50).optional(),
  entity_id: z.string().trim().min(1).max(200).optional(),
  actor_id: z
    .string()
    .regex(/^[0-9a-f]{24}$/i, 'must be a user id')
    .optional(),
  action: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
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
