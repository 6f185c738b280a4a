import { queryObject } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import { adminJobsQuery, adminListJobs } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// GET /api/admin/jobs — every user's try-on jobs with filters and counts per status (support)
export const GET = adminRoute('jobs:manage', async ({ req }) =>
  adminListJobs(adminJobsQuery.parse(queryObject(req))),
);
