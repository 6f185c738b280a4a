import { apiRoute } from '@/lib/api';
import {
  getWidgetTryonOrThrow,
  serializeWidgetTryon,
  verifyVisitorTokenOrThrow,
  WIDGET_TOKEN_HEADER,
} from '@/lib/widget';

export const dynamic = 'force-dynamic';

// GET /api/widget/tryon/{id} — a widget try-on's status, for the visitor token that made it
export const GET = apiRoute<{ id: string }, 'none'>(
  { auth: 'none', rateLimit: 'widgetRead' },
  async ({ req, params }) => {
    const claims = verifyVisitorTokenOrThrow(req.headers.get(WIDGET_TOKEN_HEADER));
    return serializeWidgetTryon(await getWidgetTryonOrThrow(claims, params.id));
  },
);
