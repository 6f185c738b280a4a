import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import type { UpdateWebhookInput, WebhookEndpointView } from './schemas';
import { serializeEndpoint } from './serialize';
import { validateWebhookUrl } from './validate-webhook-url';

export const DISABLED_BY_OWNER = 'Disabled by you. Enable it to receive events again.';

/**
 * Changes url/events/description, or pauses (`enabled: false`) and resumes
 * (`enabled: true`) deliveries. Re-enabling clears the reason and starts a
 * new failure count: failures before it never disable the endpoint again.
 */
export async function updateWebhookEndpoint(
  userId: string,
  endpointId: string,
  input: UpdateWebhookInput,
): Promise<WebhookEndpointView> {
  const current = await getWebhookEndpointOrThrow(userId, endpointId);
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  if (input.url !== undefined && input.url !== current.url) {
    set.url = await validateWebhookUrl(input.url);
  }
  if (input.events !== undefined) set.events = input.events;
  if (input.description !== undefined) {
    if (input.description) set.description = input.description;
    else unset.description = '';
  }
  const wasEnabled = current.enabled !== false;
  if (input.enabled === true && !wasEnabled) {
    Object.assign(set, { enabled: true, enabledAt: new Date(), consecutiveFailures: 0 });
    Object.assign(unset, { disabledReason: '', disabledAt: '' });
  } else if (input.enabled === false && wasEnabled) {
    Object.assign(set, {
      enabled: false,
      disabledReason: DISABLED_BY_OWNER,
      disabledAt: new Date(),
    });
  }
  if (Object.keys(set).length > 0 || Object.keys(unset).length > 0) {
    await WebhookEndpoint.updateOne(
      { _id: current._id },
      {
        ...(Object.keys(set).length ? { $set: set } : {}),
        ...(Object.keys(unset).length ? { $unset: unset } : {}),
      },
    );
  }
  return serializeEndpoint(await getWebhookEndpointOrThrow(userId, endpointId));
}
