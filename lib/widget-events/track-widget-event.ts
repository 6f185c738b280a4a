import type { TrackWidgetEventBody } from './schemas';
import { findPublishableKeyForOrigin } from './find-publishable-key';
import { recordWidgetEvent } from './record-widget-event';

/**
 * An event a store reports from its own page (`TrailRoom.track('add_to_cart', { sku })`):
 * the publishable key must be active and the request's origin one it allows. Returns the
 * origin, which the route echoes for CORS.
 */
export async function trackWidgetEvent(
  input: TrackWidgetEventBody & { origin: string | null },
): Promise<{ id: string; origin: string }> {
  const key = await findPublishableKeyForOrigin(input.key, input.origin);
  const { id } = await recordWidgetEvent({
    orgId: key.orgId,
    keyId: key.keyId,
    vid: input.vid,
    type: input.type,
    sku: input.sku,
    origin: key.origin,
  });
  return { id, origin: key.origin };
}
