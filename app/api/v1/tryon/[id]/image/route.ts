import { apiRoute } from '@/lib/api';
import { apiQueryObject } from '@/lib/api/shared-schemas';
import { tryonImageResponse } from '@/lib/api/tryon-image-response';
import { jobIdParamSchema, tryonImageQuerySchema } from '@/lib/tryon';

export const dynamic = 'force-dynamic';

// GET /api/v1/tryon/{id}/image — the generated image (?output=n: result n), or a thumbnail with ?w=160|320|640 (409 until the job is completed)
export const GET = apiRoute<{ id: string }>({ auth: 'user' }, async ({ req, params, caller }) => {
  const { id } = jobIdParamSchema.parse(params);
  const { w, download, format, output } = tryonImageQuerySchema.parse(apiQueryObject(req));
  return tryonImageResponse(caller.ownerId, id, {
    ifNoneMatch: req.headers.get('if-none-match'),
    download: download === '1',
    width: w,
    format,
    output,
    livemode: caller.livemode,
  });
});
