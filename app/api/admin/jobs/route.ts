import { apiRoute, queryObject } from '@/lib/api/route';
import { PERMISSIONS } from '@/lib/auth/roles';
import { adminJobsQuery, adminListJobs } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// GET /api/admin/jobs — every user's try-on jobs with filters and counts per status (support)
export const GET = apiRoute(
  { auth: 'user', roles: PERMISSIONS['jobs:manage'], sessionOnly: true },
  async ({ req }) => adminListJobs(adminJobsQuery.parse(queryObject(req))),
);
