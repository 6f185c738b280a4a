import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  DISABLE_AFTER_FAILED_DELIVERIES,
  formatDelay,
  RETRY_SCHEDULE_MS,
} from '@/lib/webhooks/config';
import {
  createWebhookBody,
  listDeliveriesQuery,
  testWebhookBody,
  updateWebhookBody,
  WEBHOOK_EVENT_TYPES,
  webhookDeliveryPageSchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
  webhookEnvelopeSchema,
  webhookListSchema,
} from '@/lib/webhooks/schemas';

/**
 * The webhook routes of the OpenAPI document, and (OpenAPI 3.1 `webhooks`)
 * the events we send, from the same zod schemas as lib/webhooks.
 */
interface Helpers {
  security: Array<Record<string, string[]>>;
  json: (schema: z.ZodType, description: string) => object;
  errors: (...statuses: number[]) => Record<string, object>;
  errorSchema: z.ZodType;
}

export function registerWebhookPaths(registry: OpenAPIRegistry, h: Helpers): void {
  const { security, json, errors } = h;
  const urlRefused = {
    422: {
      description:
        'URL refused: webhook_url_invalid, webhook_url_https_required, webhook_url_forbidden (details.reason: loopback, private, link_local, metadata, …), webhook_url_unresolvable',
      content: { 'application/json': { schema: h.errorSchema } },
    },
  };
  const disabled = {
    409: {
      description: 'The endpoint is disabled (webhook_endpoint_disabled)',
      content: { 'application/json': { schema: h.errorSchema } },
    },
  };
  const idParam = z.object({ id: z.string().meta({ description: 'Webhook endpoint id' }) });
  const tags = ['Webhooks'];
  // OpenAPI links from the created endpoint to the operations on it (schemathesis's stateful phase follows them).
  const byId = { id: '$response.body#/id' };
  const endpointLinks = {
    GetWebhookEndpoint: { operationId: 'getWebhookEndpoint', parameters: byId },
    UpdateWebhookEndpoint: { operationId: 'updateWebhookEndpoint', parameters: byId },
    DeleteWebhookEndpoint: { operationId: 'deleteWebhookEndpoint', parameters: byId },
    ListWebhookDeliveries: { operationId: 'listWebhookDeliveries', parameters: byId },
    SendTestWebhook: { operationId: 'sendTestWebhook', parameters: byId },
    RotateWebhookSecret: { operationId: 'rotateWebhookSecret', parameters: byId },
  };

  registry.registerPath({
    method: 'get',
    path: '/webhooks',
    summary: 'Your webhook endpoints (without secrets)',
    tags,
    security,
    responses: { 200: json(webhookListSchema, 'Your endpoints, newest first') },
  });
  registry.registerPath({
    method: 'post',
    path: '/webhooks',
    summary: 'Register a webhook endpoint',
    description:
      'The response carries the endpoint’s signing secret (`whsec_…`); GET /webhooks/{id} shows it again. https only; loopback, private, link-local and metadata addresses are refused here and again at every delivery.',
    tags,
    security,
    request: { body: { content: { 'application/json': { schema: createWebhookBody } } } },
    responses: {
      201: {
        ...json(webhookEndpointWithSecretSchema, 'The new endpoint, with its secret'),
        links: endpointLinks,
      },
      ...errors(400),
      409: {
        description: 'Too many endpoints (webhook_endpoint_limit)',
        content: { 'application/json': { schema: h.errorSchema } },
      },
      ...urlRefused,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/webhooks/{id}',
    operationId: 'getWebhookEndpoint',
    summary: 'Read an endpoint, with its signing secret',
    tags,
    security,
    request: { params: idParam },
    responses: { 200: json(webhookEndpointWithSecretSchema, 'The endpoint'), ...errors(404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/webhooks/{id}',
    operationId: 'updateWebhookEndpoint',
    summary: 'Change an endpoint’s URL, events or description; pause or re-enable it',
    tags,
    security,
    request: {
      params: idParam,
      body: { content: { 'application/json': { schema: updateWebhookBody } } },
    },
    responses: {
      200: json(webhookEndpointSchema, 'The endpoint'),
      ...errors(400, 404),
      ...urlRefused,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/webhooks/{id}',
    operationId: 'deleteWebhookEndpoint',
    summary: 'Delete an endpoint and its delivery log',
    tags,
    security,
    request: { params: idParam },
    responses: {
      200: json(z.object({ id: z.string(), deleted: z.literal(true) }), 'Deleted'),
      ...errors(404),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/webhooks/{id}/rotate-secret',
    operationId: 'rotateWebhookSecret',
    summary: 'Issue a new signing secret (the old one also signs for 24 hours)',
    tags,
    security,
    request: { params: idParam },
    responses: {
      200: json(webhookEndpointWithSecretSchema, 'The endpoint, new secret'),
      ...errors(404),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/webhooks/{id}/test',
    operationId: 'sendTestWebhook',
    summary: 'Send a signed sample event (`"test": true`) to this endpoint',
    tags,
    security,
    request: {
      params: idParam,
      body: { content: { 'application/json': { schema: testWebhookBody } } },
    },
    responses: {
      202: json(webhookDeliverySchema, 'The queued delivery'),
      ...errors(400, 404),
      ...disabled,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary:
      'The endpoint’s delivery log, newest first: every attempt with status, latency and answer',
    tags,
    security,
    request: { params: idParam, query: listDeliveriesQuery },
    responses: {
      200: json(webhookDeliveryPageSchema, 'A page of deliveries'),
      ...errors(400, 404),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/webhooks/{id}/deliveries/{deliveryId}/retry',
    summary: 'Send a delivery again now, with the same webhook-id',
    tags,
    security,
    request: {
      params: idParam.extend({ deliveryId: z.string().meta({ description: 'Delivery id' }) }),
    },
    responses: {
      202: json(webhookDeliverySchema, 'The delivery; the new attempt is appended to its log'),
      ...errors(404),
      ...disabled,
    },
  });

  const schedule = RETRY_SCHEDULE_MS.map(formatDelay).join(', ');
  for (const type of WEBHOOK_EVENT_TYPES) {
    registry.registerWebhook({
      method: 'post',
      path: type,
      summary: `${type} event`,
      description:
        `POSTed to each enabled endpoint subscribed to ${type}, signed per Standard Webhooks ` +
        '(headers webhook-id, webhook-timestamp, webhook-signature). Answer 2xx within 15 s. ' +
        `Attempts: ${schedule}; after ${DISABLE_AFTER_FAILED_DELIVERIES} deliveries in a row fail, the endpoint is disabled.`,
      tags,
      request: {
        headers: z.object({
          'webhook-id': z.string().meta({ description: 'Message id, the same on every retry' }),
          'webhook-timestamp': z.string().meta({ description: 'Unix seconds of this attempt' }),
          'webhook-signature': z
            .string()
            .meta({ description: 'v1,<base64 HMAC-SHA256 of id.timestamp.body>, space-separated' }),
        }),
        body: { content: { 'application/json': { schema: webhookEnvelopeSchema(type) } } },
      },
      responses: { 200: { description: 'Any 2xx acknowledges the message' } },
    });
  }
}
