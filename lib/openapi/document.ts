import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  checkoutRequestSchema,
  checkoutResponseSchema,
  paymentsPageSchema,
  paymentsQuerySchema,
} from '@/lib/billing/schemas';
import {
  balanceSchema,
  transactionPageSchema,
  transactionQuerySchema,
} from '@/lib/credits/schemas';
import { apiKeySchema, createApiKeyBody, createdApiKeySchema } from '@/lib/apikeys/schemas';
import { ERROR_STATUS } from '@/lib/errors';
import {
  createTryonJsonSchema,
  deleteTryonResponseSchema,
  listTryonQuerySchema,
  tryonJobListResponseSchema,
  tryonJobResponseSchema,
  updateTryonSchema,
} from '@/lib/tryon/schemas';
import { APP_VERSION } from '@/lib/version';
import { registerWebhookPaths } from './webhooks';

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas
 * the routes parse with — so the document cannot drift from the code.
 */
const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(
        Object.keys(ERROR_STATUS) as [
          keyof typeof ERROR_STATUS,
          ...Array<keyof typeof ERROR_STATUS>,
        ],
      ),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

const jobId = z.object({ id: z.string().meta({ description: 'Try-on job id' }) });

function errors(...statuses: number[]) {
  const text: Record<number, string> = {
    400: 'Invalid request (validation_error, invalid_json, …)',
    401: 'No valid session or x-api-key (unauthorized, invalid_api_key, api_key_revoked)',
    402: 'Not enough credits (insufficient_credits)',
    403: 'Not allowed (forbidden, account_suspended)',
    404: 'Not found — also for another user’s ids',
    409: 'Conflict (idempotency_conflict, invalid_state)',
    413: 'Payload or image too large',
    415: 'Unsupported media or image type',
    422: 'Image refused (image_corrupt, image_too_small, image_dimensions_too_large, …)',
    429: 'Rate limited; see Retry-After',
  };
  return Object.fromEntries(
    [...statuses, 401, 403, 429].map((s) => [
      s,
      { description: text[s] ?? 'Error', content: { 'application/json': { schema: errorSchema } } },
    ]),
  );
}

function build() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'apiKey',
    in: 'header',
    name: 'x-api-key',
  });
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'next-auth.session-token',
  });
  const security: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
  const json = (schema: z.ZodType, description: string) => ({
    description,
    content: { 'application/json': { schema } },
  });

  registry.registerPath({
    method: 'post',
    path: '/tryon',
    summary: 'Submit a try-on job',
    description:
      'Reserves the cost (1 credit for a top, 2 for a full outfit) and queues the job. Images are base64, a data: URI or an https URL; the studio sends the same fields as multipart/form-data.',
    tags: ['Try-on'],
    security,
    request: {
      headers: z.object({
        'Idempotency-Key': z
          .string()
          .max(200)
          .optional()
          .meta({ description: 'Replays return the same job' }),
      }),
      body: { content: { 'application/json': { schema: createTryonJsonSchema } } },
    },
    responses: {
      202: json(tryonJobResponseSchema, 'The queued job'),
      ...errors(400, 402, 409, 413, 415, 422),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/tryon',
    summary: 'List your try-on jobs, newest first',
    tags: ['Try-on'],
    security,
    request: { query: listTryonQuerySchema },
    responses: { 200: json(tryonJobListResponseSchema, 'A page of jobs'), ...errors(400) },
  });
  registry.registerPath({
    method: 'get',
    path: '/tryon/{id}',
    summary: 'Read a try-on job',
    tags: ['Try-on'],
    security,
    request: { params: jobId },
    responses: { 200: json(tryonJobResponseSchema, 'The job'), ...errors(404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/tryon/{id}',
    summary: 'Mark or unmark a job as favourite',
    tags: ['Try-on'],
    security,
    request: {
      params: jobId,
      body: { content: { 'application/json': { schema: updateTryonSchema } } },
    },
    responses: { 200: json(tryonJobResponseSchema, 'The job'), ...errors(400, 404) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/tryon/{id}',
    summary: 'Cancel a queued job (refunded) or delete a finished one with its images',
    tags: ['Try-on'],
    security,
    request: { params: jobId },
    responses: { 200: json(deleteTryonResponseSchema, 'What happened'), ...errors(404, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/tryon/{id}/image',
    summary: 'Download the generated image (WebP)',
    tags: ['Try-on'],
    security,
    request: { params: jobId },
    responses: {
      200: {
        description: 'The image',
        content: { 'image/webp': { schema: z.string().meta({ format: 'binary' }) } },
      },
      ...errors(404, 409),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/credits',
    summary: 'Your free and paid credit balance',
    tags: ['Credits'],
    security,
    responses: { 200: json(balanceSchema, 'The balance') },
  });
  registry.registerPath({
    method: 'get',
    path: '/credits/transactions',
    summary: 'Your credit ledger, newest first (JSON pages, or CSV with format=csv)',
    tags: ['Credits'],
    security,
    request: { query: transactionQuerySchema },
    responses: { 200: json(transactionPageSchema, 'A page of ledger entries'), ...errors(400) },
  });
  registry.registerPath({
    method: 'post',
    path: '/billing/checkout',
    summary: 'Start a Stripe Checkout for a number of credits (signed-in session only)',
    tags: ['Billing'],
    security: [{ session: [] }],
    request: { body: { content: { 'application/json': { schema: checkoutRequestSchema } } } },
    responses: { 200: json(checkoutResponseSchema, 'Where to send the buyer'), ...errors(400) },
  });
  registry.registerPath({
    method: 'get',
    path: '/billing/payments',
    summary: 'Your payments, newest first',
    tags: ['Billing'],
    security,
    request: { query: paymentsQuerySchema },
    responses: { 200: json(paymentsPageSchema, 'A page of payments'), ...errors(400) },
  });

  const keyId = z.object({ id: z.string().meta({ description: 'API key id' }) });
  const sessionOnly = [{ session: [] }];
  registry.registerPath({
    method: 'get',
    path: '/api-keys',
    summary: 'Your API keys (never the keys themselves)',
    tags: ['API keys'],
    security: sessionOnly,
    responses: { 200: json(z.object({ data: z.array(apiKeySchema) }), 'Your keys, newest first') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api-keys',
    summary: 'Create an API key; the full key is in this response only',
    tags: ['API keys'],
    security: sessionOnly,
    request: { body: { content: { 'application/json': { schema: createApiKeyBody } } } },
    responses: { 201: json(createdApiKeySchema, 'The new key'), ...errors(400, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api-keys/{id}',
    summary: 'Revoke an API key',
    tags: ['API keys'],
    security: sessionOnly,
    request: { params: keyId },
    responses: { 200: json(apiKeySchema, 'The revoked key'), ...errors(404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api-keys/{id}/regenerate',
    summary: 'Revoke a key and issue a new one with the same name',
    tags: ['API keys'],
    security: sessionOnly,
    request: { params: keyId },
    responses: { 201: json(createdApiKeySchema, 'The new key'), ...errors(404, 409) },
  });

  registerWebhookPaths(registry, { security, json, errors, errorSchema });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'TrailRoom API',
      version: APP_VERSION,
      description:
        'Virtual try-on as an API. Authenticate with `x-api-key: tr_live_…` (or the session cookie). JSON is snake_case; every error is `{ "error": { "code", "message", "details"? } }`.',
    },
    servers: [{ url: '/api/v1' }],
  });
}

let cached: ReturnType<typeof build> | null = null;

export function openApiDocument(): ReturnType<typeof build> {
  cached ??= build();
  return cached;
}
