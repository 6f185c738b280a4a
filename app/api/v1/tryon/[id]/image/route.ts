import { apiRoute } from '@/lib/api';
import { getTryonImageResponse, jobIdParamSchema } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// GET /api/v1/tryon/{id}/image — the generated image (409 until the job is completed)
export const GET = apiRoute<{ id: string }>({ auth: 'user' }, async ({ req, params, caller }) => {
  const { id } = jobIdParamSchema.parse(params);
  return getTryonImageResponse(caller.userId, id, {
    ifNoneMatch: req.headers.get('if-none-match'),
    download: req.nextUrl.searchParams.get('download') === '1',
  });
});
