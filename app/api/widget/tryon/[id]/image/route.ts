import { apiRoute, queryObject } from '@/lib/api';
import { tryonImageResponse } from '@/lib/api/tryon-image-response';
import {
  getWidgetTryonOrThrow,
  verifyVisitorTokenOrThrow,
  WIDGET_TOKEN_HEADER,
  widgetImageQuerySchema,
} from '@/lib/widget';

export const dynamic = 'force-dynamic';

// GET /api/widget/tryon/{id}/image — the result image (token in x-widget-token or ?token=; download=1 to save)
export const GET = apiRoute<{ id: string }, 'none'>(
  { auth: 'none', rateLimit: 'widgetRead' },
  async ({ req, params }) => {
    const { token, download } = widgetImageQuerySchema.parse(queryObject(req));
    const claims = verifyVisitorTokenOrThrow(req.headers.get(WIDGET_TOKEN_HEADER) ?? token);
    const job = await getWidgetTryonOrThrow(claims, params.id);
    return tryonImageResponse(claims.orgId, job._id.toString(), {
      ifNoneMatch: req.headers.get('if-none-match'),
      download: download === '1',
      format: 'jpeg',
    });
  },
);
