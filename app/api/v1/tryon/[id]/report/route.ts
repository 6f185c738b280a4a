import { apiRoute, readJson } from '@/lib/api';
import { jobIdParamSchema, reportTryonBodySchema, reportTryonJob } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

type Params = { id: string };

// POST /api/v1/tryon/{id}/report — "not right": the first report of a completed try-on re-rolls it once for free
export const POST = apiRoute<Params>(
  { auth: 'user', rateLimit: 'tryonCreate' },
  async ({ req, params, caller }) => {
    const { id } = jobIdParamSchema.parse(params);
    const body = reportTryonBodySchema.parse(await readJson(req, 10_000));
    return reportTryonJob({
      ownerId: caller.ownerId,
      actorUserId: caller.userId,
      jobId: id,
      reason: body.reason,
      ...(body.note ? { note: body.note } : {}),
      livemode: caller.livemode,
    });
  },
);
