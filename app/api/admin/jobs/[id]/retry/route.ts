import { readJson } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { adminRetryJob, adminRetryJobBody, jobIdParam } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// POST /api/admin/jobs/{id}/retry — re-queue a failed job, on the house (audited, once per key)
export const POST = adminRoute<{ id: string }>(
  'jobs:manage',
  async ({ req, params, actor, meta }) => {
    const jobId = jobIdParam.parse(params).id;
    const body = adminRetryJobBody.parse(await readJson(req));
    return adminRetryJob({
      actor,
      jobId,
      reason: body.reason,
      operationId: body.idempotency_key,
      meta,
    });
  },
);
