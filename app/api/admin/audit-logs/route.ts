import { apiRoute, queryObject } from '@/lib/api/route';
import { listAuditLogs, listAuditLogsQuery, serializeAuditLog } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';

// GET /api/admin/audit-logs — admin actions, newest first, filterable by entity, actor, action
export const GET = apiRoute(
  { auth: 'user', roles: PERMISSIONS['audit:read'], sessionOnly: true },
  async ({ req }) => {
    const page = await listAuditLogs(listAuditLogsQuery.parse(queryObject(req)));
    return {
      data: page.entries.map(serializeAuditLog),
      page: page.page,
      limit: page.limit,
      total: page.total,
    };
  },
);
