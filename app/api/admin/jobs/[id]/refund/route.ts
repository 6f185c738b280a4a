import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { PERMISSIONS } from '@/lib/auth/roles';
import { adminRefundJob, adminRefundJobBody, jobIdParam } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// POST /api/admin/jobs/{id}/refund — give back a job's credits with a reason (audited, at most once per job)
export const POST = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['jobs:manage'], sessionOnly: true },
  async ({ req, params, caller, requestId }) =>
    adminRefundJob({
      actor: caller,
      jobId: jobIdParam.parse(params).id,
      body: adminRefundJobBody.parse(await readJson(req)),
      meta: requestMeta(req, requestId),
    }),
);
