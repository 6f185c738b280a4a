import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { adminRefundJob, adminRefundJobBody, jobIdParam } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// POST /api/admin/jobs/{id}/refund — give back a job's credits with a reason (audited, at most once per job)
export const POST = adminRoute<{ id: string }>(
  'jobs:manage',
  async ({ req, params, actor, meta }) => {
    const jobId = jobIdParam.parse(params).id;
    const { reason } = adminRefundJobBody.parse(await readJson(req));
    return adminRefundJob({ actor, jobId, reason, meta });
  },
);
