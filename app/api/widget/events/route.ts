import { apiRoute, readBodyCapped } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import {
  trackWidgetEvent,
  trackWidgetEventBody,
  WIDGET_EVENT_BODY_MAX_BYTES,
} from '@/lib/widget-events';

/**
 * The body of a beacon: JSON sent as `text/plain` (what `navigator.sendBeacon` and a
 * preflight-free `fetch` send) or as `application/json`.
 */
function parseBeacon(bytes: Buffer, contentType: string | null): unknown {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'text/plain' && type !== 'application/json')
    throw new AppError(
      'unsupported_media_type',
      'Send the event as JSON (text/plain or application/json)',
    );
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new AppError('invalid_json', 'The body is not valid JSON');
  }
}

// POST /api/widget/events — a storefront reports a visitor's add-to-cart (TrailRoom.track); CORS for the key's allowed origins only
export const POST = apiRoute({ auth: 'none', rateLimit: 'widgetEvents' }, async ({ req }) => {
  const body = trackWidgetEventBody.parse(
    parseBeacon(
      await readBodyCapped(req, WIDGET_EVENT_BODY_MAX_BYTES),
      req.headers.get('content-type'),
    ),
  );
  const { origin } = await trackWidgetEvent({ ...body, origin: req.headers.get('origin') });
  return new Response(null, {
    status: 204,
    headers: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' },
  });
});
