import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';
import { adminRetryJob, adminRetryJobBody, jobIdParam } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// POST /api/admin/jobs/{id}/retry — re-queue a failed job, on the house (audited, once per key)
export const POST = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['jobs:manage'], sessionOnly: true },
  async ({ req, params, caller, requestId }) =>
    adminRetryJob({
      actor: caller,
      jobId: jobIdParam.parse(params).id,
      body: adminRetryJobBody.parse(await readJson(req)),
      meta: requestMeta(req, requestId),
    }),
);
