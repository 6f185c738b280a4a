import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api';
import { readTryonSubmission } from '@/lib/api/read-tryon-submission';
import { apiQueryObject } from '@/lib/api/shared-schemas';
import { tryonProductResolver } from '@/lib/products';
import {
  createTryonJob,
  listTryonJobsByCursor,
  listTryonQuerySchema,
  readSimulateHeader,
  serializeJob,
} from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// POST /api/v1/tryon — submit a try-on job (multipart from the studio, JSON from the API)
export const POST = apiRoute(
  { auth: 'user', rateLimit: 'tryonCreate' },
  async ({ req, caller }) => {
    const simulate = readSimulateHeader(req.headers, caller);
    const submission = await readTryonSubmission(req, {
      resolveProduct: tryonProductResolver(caller),
    });
    const { job, replayed } = await createTryonJob({
      userId: caller.ownerId,
      ...(caller.account.type === 'organization' && caller.via === 'session'
        ? { actorUserId: caller.userId }
        : {}),
      source:
        caller.via === 'api_key' && caller.apiKeyId
          ? { kind: 'api', apiKeyId: caller.apiKeyId }
          : { kind: 'web' },
      submission,
      // A test key's job: never charged, local provider, test data (x-trailroom-simulate).
      ...(caller.livemode ? {} : { livemode: false, ...(simulate ? { simulate } : {}) }),
    });
    const res = NextResponse.json(serializeJob(job), { status: 202 });
    res.headers.set('Location', `/api/v1/tryon/${job._id.toString()}`);
    if (replayed) res.headers.set('Idempotent-Replayed', 'true');
    return res;
  },
);

// GET /api/v1/tryon — the caller's try-on history, newest first (page or starting_after/ending_before, limit, mode, status, favorite)
export const GET = apiRoute({ auth: 'user' }, async ({ req, caller }) => {
  const query = listTryonQuerySchema.parse(apiQueryObject(req));
  return listTryonJobsByCursor(caller.ownerId, query, caller);
});
