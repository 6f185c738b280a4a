import { resolveWidgetKeyOrThrow, widgetUnavailable } from '@/lib/widget/widget-key';
import type { TrackWidgetEventBody } from './schemas';
import { recordWidgetEvent } from './record-widget-event';

/**
 * An event a store reports from its own page (`TrailRoom.track('add_to_cart', { sku })`):
 * the key must be an active publishable key of an active organisation (the widget's own
 * check) and the request's `Origin` one of its allowed origins; otherwise 403
 * `widget_unavailable` (`details.reason`: `key`, `organization` or `origin`). Returns the
 * origin, which the route echoes for CORS.
 */
export async function trackWidgetEvent(
  input: TrackWidgetEventBody & { origin: string | null },
): Promise<{ id: string; origin: string }> {
  const key = await resolveWidgetKeyOrThrow(input.key);
  const origin = input.origin;
  if (!origin || !key.allowedOrigins.includes(origin)) throw widgetUnavailable('origin');
  const { id } = await recordWidgetEvent({
    orgId: key.orgId,
    keyId: key.keyId,
    vid: input.vid,
    type: input.type,
    sku: input.sku,
    origin,
  });
  return { id, origin };
}
