export * from './config';
export * from './schemas';
export * from './events';
export { serializeDelivery, serializeEndpoint, serializeEndpointWithSecret } from './serialize';
export {
  validateWebhookUrl,
  parseWebhookUrl,
  webhookAddressRefusal,
  type AddressRefusal,
  type ResolveHost,
} from './validate-webhook-url';
export { generateWebhookSecret } from './generate-webhook-secret';
export { signWebhook, type WebhookHeaders } from './sign-webhook';
export { sendWebhookRequest, type WebhookAttemptResult } from './send-webhook-request';
export { buildWebhookEnvelope } from './build-webhook-envelope';
export { SAMPLE_EVENT_DATA } from './sample-payloads';
export {
  getWebhookEndpointOrThrow,
  assertWebhookEndpointInSpace,
} from './get-webhook-endpoint-or-throw';
export { createWebhookEndpoint } from './create-webhook-endpoint';
export { listWebhookEndpoints } from './list-webhook-endpoints';
export { getWebhookEndpoint } from './get-webhook-endpoint';
export { updateWebhookEndpoint, DISABLED_BY_OWNER } from './update-webhook-endpoint';
export { deleteWebhookEndpoint } from './delete-webhook-endpoint';
export { rotateWebhookSecret } from './rotate-webhook-secret';
export { createWebhookDeliveries, type DeliveryTicket } from './create-webhook-deliveries';
export { attemptWebhookDelivery, type AttemptOutcome } from './attempt-webhook-delivery';
export { abandonWebhookDelivery } from './abandon-webhook-delivery';
export { refreshEndpointHealth, autoDisabledReason } from './refresh-endpoint-health';
export { listWebhookDeliveries } from './list-webhook-deliveries';
export { sendTestWebhook } from './send-test-webhook';
export { redeliverWebhook } from './redeliver-webhook';
export { attemptDueWebhookDelivery, type DueAttemptOutcome } from './attempt-due-webhook-delivery';
export {
  attemptDueWebhookDeliveries,
  type DueDeliveriesResult,
} from './attempt-due-webhook-deliveries';
