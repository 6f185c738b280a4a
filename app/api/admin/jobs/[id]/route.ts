import { apiRoute } from '@/lib/api/route';
import { PERMISSIONS } from '@/lib/auth/roles';
import { adminGetJob, jobIdParam } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// GET /api/admin/jobs/{id} — one job with owner, ledger entries and signed image links (support)
export const GET = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['jobs:manage'], sessionOnly: true },
  async ({ params }) => adminGetJob(jobIdParam.parse(params).id),
);
