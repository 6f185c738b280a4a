import { apiRoute, queryObject } from '@/lib/api';
import { frameAncestorsForKey, frameAncestorsQuerySchema } from '@/lib/widget';

export const dynamic = 'force-dynamic';

// GET /api/widget/frame-policy?key=pk_live_… — the origins that may frame the widget dialog (middleware reads it for /embed)
export const GET = apiRoute({ auth: 'none', rateLimit: 'widgetRead' }, async ({ req }) => {
  const { key } = frameAncestorsQuerySchema.parse(queryObject(req));
  return { origins: await frameAncestorsForKey(key) };
});
