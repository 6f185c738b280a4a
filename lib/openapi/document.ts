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
import { spendCapSchema, updateSpendCapBody } from '@/lib/caps/account-spend-cap';
import { simulateHeaderSchema } from '@/lib/tryon/simulate';
import {
  apiKeySchema,
  createApiKeyBody,
  createdApiKeySchema,
  updateApiKeyBody,
} from '@/lib/apikeys/schemas';
import { ERROR_STATUS } from '@/lib/errors';
import {
  createTryonJsonSchema,
  deleteTryonResponseSchema,
  idempotencyKeySchema,
  listTryonQuerySchema,
  tryonImageQuerySchema,
  tryonJobListResponseSchema,
  tryonJobResponseSchema,
  updateTryonSchema,
} from '@/lib/tryon/schemas';
import { APP_VERSION } from '@/lib/version';
import { registerProductPaths } from './products';
import { registerRerollPaths } from './reroll';
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

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (validation_error, invalid_json, …)',
  401: 'No valid session or x-api-key (unauthorized, invalid_api_key, api_key_revoked)',
  402: 'Not enough credits (insufficient_credits)',
  403: 'Not allowed: forbidden (also an API key on a session-only operation), account_suspended, or cross_site_request (a cookie session sent from another site’s Origin)',
  404: 'Not found — also for another user’s ids and for malformed ids',
  409: 'Conflict (idempotency_conflict, invalid_state)',
  413: 'Request body or image too large (payload_too_large, image_too_large)',
  415: 'Unsupported media type (unsupported_media_type: send application/json) or image type (unsupported_image_type)',
  422: 'Image refused (image_corrupt, image_too_small, image_dimensions_too_large, …)',
  429: 'Rate limited (rate_limited): wait Retry-After seconds',
  503: 'Temporarily unavailable (service_unavailable)',
};

const rateLimitHeaders = {
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    required: true,
    schema: { type: 'integer', minimum: 0 },
  },
  RateLimit: {
    description: 'The bucket this request was charged to (IETF draft RateLimit header)',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': {
    description: 'The limit and window of that bucket (IETF draft RateLimit-Policy header)',
    schema: { type: 'string' },
  },
} as const;

function errorResponse(status: number, schema: unknown = errorSchema) {
  return {
    description: ERROR_TEXT[status] ?? 'Error',
    ...(status === 429 ? { headers: rateLimitHeaders } : {}),
    content: { 'application/json': { schema } },
  };
}

function errors(...statuses: number[]) {
  return Object.fromEntries([...statuses, 401, 403, 429].map((s) => [s, errorResponse(s)]));
}

interface RawOperation {
  parameters?: Array<{ in: string }>;
  requestBody?: {
    required?: boolean;
    content?: Record<string, { schema?: { $ref?: string; required?: string[] } }>;
  };
  responses?: Record<string, unknown>;
}

interface RawDocument {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
}

/**
 * A body with required fields is itself required: an empty body reads as
 * `{}` and is refused (400), so the document must not call it optional.
 */
function markRequiredBodies(doc: RawDocument, op: RawOperation): void {
  const body = op.requestBody;
  if (!body) return;
  let schema = body.content?.['application/json']?.schema;
  if (schema?.$ref)
    schema = doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] as
      { required?: string[]; minProperties?: number } | undefined;
  const s = schema as { required?: string[]; minProperties?: number } | undefined;
  if (s?.required?.length || s?.minProperties) body.required = true;
}

/**
 * The errors every operation can answer, whatever its own list says: the
 * wrapper's auth (401/403), rate limit (429), body checks (400, 413, 415
 * on operations with a body), parameter validation (400) and 404 for any
 * path id. Added here once so that no operation forgets one.
 */
function addCommonErrors(doc: RawDocument): void {
  const errorRef = { $ref: '#/components/schemas/Error' };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = (item as Record<string, RawOperation | undefined>)[method];
      if (!op) continue;
      markRequiredBodies(doc, op);
      const params = op.parameters ?? [];
      const statuses = [401, 403, 429];
      if (op.requestBody) statuses.push(400, 413, 415);
      if (params.some((p) => p.in === 'query' || p.in === 'header')) statuses.push(400);
      if (params.some((p) => p.in === 'path')) statuses.push(404);
      const responses = (op.responses ??= {});
      for (const status of statuses)
        if (!responses[String(status)]) responses[String(status)] = errorResponse(status, errorRef);
      op.responses = Object.fromEntries(
        Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)),
      );
    }
  }
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
      'Reserves the cost (1 credit for a top, 2 for a full outfit or a one-piece — dress, jumpsuit — carried in top_image; times `samples`, 1–4) and queues the job. Each sample is generated on its own (sample n uses `seed` + n − 1; a seed is drawn when omitted) and a failed sample is refunded its share; `outputs` lists each completed result and `output_image_url` is the first. Images are base64, a data: URI or an https URL; the studio sends the same fields as multipart/form-data. With a test key (tr_test_) nothing is charged (credits_used is the would-be cost), the local provider runs, the job has livemode false and x-trailroom-simulate may choose its outcome. A key daily cap or the account monthly cap that would be passed answers 402 spend_cap_reached.',
    tags: ['Try-on'],
    security,
    request: {
      headers: z.object({
        'Idempotency-Key': idempotencyKeySchema
          .optional()
          .meta({ description: 'Replays return the same job (1–255 printable ASCII, no spaces)' }),
        'x-trailroom-simulate': simulateHeaderSchema.optional(),
      }),
      body: { content: { 'application/json': { schema: createTryonJsonSchema } } },
    },
    responses: {
      202: {
        ...json(tryonJobResponseSchema, 'The queued job'),
        // OpenAPI links to the operations on the new job (schemathesis's stateful phase follows them).
        links: {
          GetTryonJob: { operationId: 'getTryonJob', parameters: { id: '$response.body#/id' } },
          UpdateTryonJob: {
            operationId: 'updateTryonJob',
            parameters: { id: '$response.body#/id' },
          },
          DeleteTryonJob: {
            operationId: 'deleteTryonJob',
            parameters: { id: '$response.body#/id' },
          },
          GetTryonImage: {
            operationId: 'getTryonImage',
            parameters: { id: '$response.body#/id' },
          },
        },
      },
      ...errors(400, 402, 404, 409, 413, 415, 422),
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
    operationId: 'getTryonJob',
    summary: 'Read a try-on job',
    tags: ['Try-on'],
    security,
    request: { params: jobId },
    responses: { 200: json(tryonJobResponseSchema, 'The job'), ...errors(404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/tryon/{id}',
    operationId: 'updateTryonJob',
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
    operationId: 'deleteTryonJob',
    summary: 'Cancel a queued job (refunded) or delete a finished one with its images',
    tags: ['Try-on'],
    security,
    request: { params: jobId },
    responses: { 200: json(deleteTryonResponseSchema, 'What happened'), ...errors(404, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/tryon/{id}/image',
    operationId: 'getTryonImage',
    summary: 'Download the generated image (WebP, or JPEG with format=jpeg), or a thumbnail of it',
    tags: ['Try-on'],
    security,
    request: {
      params: jobId,
      query: tryonImageQuerySchema.pick({ w: true, format: true, output: true }),
    },
    responses: {
      200: {
        description: 'The image',
        content: {
          'image/webp': { schema: z.string().meta({ format: 'binary' }) },
          'image/jpeg': { schema: z.string().meta({ format: 'binary' }) },
        },
      },
      ...errors(404, 409),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/spend-cap',
    summary: "The account's monthly spend cap and this month's use",
    description:
      'Live try-ons reserve their credits against the cap (refunds give them back); test keys never count. A request that would pass it answers 402 spend_cap_reached with details { scope, cap, used, resets_at }.',
    tags: ['Credits'],
    security,
    responses: { 200: json(spendCapSchema, 'The cap (null: none) and its use') },
  });
  registry.registerPath({
    method: 'patch',
    path: '/spend-cap',
    summary: "Set the account's monthly spend cap (null removes it)",
    tags: ['Credits'],
    security: [{ session: [] }],
    request: { body: { content: { 'application/json': { schema: updateSpendCapBody } } } },
    responses: { 200: json(spendCapSchema, 'The new cap'), ...errors(400) },
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
    responses: {
      200: {
        description:
          'A page of ledger entries (JSON), or with format=csv every matching entry as CSV',
        content: {
          'application/json': { schema: transactionPageSchema },
          'text/csv': { schema: z.string().meta({ description: 'CSV with a header row' }) },
        },
      },
      ...errors(400),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/billing/checkout',
    summary: 'Start a Stripe Checkout for a number of credits (signed-in session only)',
    tags: ['Billing'],
    security: [{ session: [] }],
    request: { body: { content: { 'application/json': { schema: checkoutRequestSchema } } } },
    responses: {
      200: json(checkoutResponseSchema, 'Where to send the buyer'),
      ...errors(400),
      503: {
        description:
          'Payments are not configured on this server (service_unavailable): no Stripe key in production',
        content: { 'application/json': { schema: errorSchema } },
      },
    },
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
    method: 'patch',
    path: '/api-keys/{id}',
    summary: 'Rename an API key or set its daily credit cap (null removes it)',
    tags: ['API keys'],
    security: sessionOnly,
    request: {
      params: keyId,
      body: { content: { 'application/json': { schema: updateApiKeyBody } } },
    },
    responses: { 200: json(apiKeySchema, 'The updated key'), ...errors(400, 404, 409) },
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
  registerProductPaths(registry, { security, json, errors, errorSchema });
  registerRerollPaths(registry, { security, json, errors, errorSchema });

  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'TrailRoom API',
      version: APP_VERSION,
      description:
        'Virtual try-on as an API. Authenticate with `x-api-key: tr_live_…` (or the session cookie). JSON is snake_case; every error is `{ "error": { "code", "message", "details"? } }`.',
    },
    servers: [{ url: '/api/v1' }],
  });
  addCommonErrors(doc);
  return doc;
}

let cached: ReturnType<typeof build> | null = null;

export function openApiDocument(): ReturnType<typeof build> {
  cached ??= build();
  return cached;
}
