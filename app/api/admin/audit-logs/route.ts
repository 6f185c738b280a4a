import { queryObject } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { listAuditLogs, listAuditLogsQuery, serializeAuditLog } from '@/lib/audit';

// GET /api/admin/audit-logs — admin actions, newest first, filterable by entity, actor, action
export const GET = adminRoute('audit:read', async ({ req }) => {
  const page = await listAuditLogs(listAuditLogsQuery.parse(queryObject(req)));
  return {
    data: page.entries.map(serializeAuditLog),
    page: page.page,
    limit: page.limit,
    total: page.total,
  };
});
