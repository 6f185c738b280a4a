import { offsetPage } from '@/lib/api/list';
import { queryObject } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { listAuditLogs, listAuditLogsQuery, serializeAuditLog } from '@/lib/audit';

// GET /api/admin/audit-logs — admin actions, newest first, filterable by entity, actor (email part or id), action (substring) and date range
export const GET = adminRoute('audit:read', async ({ req }) => {
  const page = await listAuditLogs(listAuditLogsQuery.parse(queryObject(req)));
  return offsetPage(page.entries.map(serializeAuditLog), page, page.total);
});
