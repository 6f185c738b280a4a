import { adminRoute } from '@/lib/admin';
import { adminGetJob, jobIdParam } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// GET /api/admin/jobs/{id} — one job with owner, ledger entries and signed image links (support)
export const GET = adminRoute<{ id: string }>('jobs:manage', async ({ params }) =>
  adminGetJob(jobIdParam.parse(params).id),
);
