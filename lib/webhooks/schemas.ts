import { z } from 'zod';
import { cursorSchema, withPagination } from '@/lib/api/list';
import { WEBHOOK_EVENT_TYPES } from '@/models/enums';
import { tryonJobResponseSchema } from '@/lib/tryon/schemas';

/**
 * Request and response shapes of /api/v1/webhooks, and the event payloads we
 * send. One schema validates the route, types the UI and generates OpenAPI.
 */
export { WEBHOOK_EVENT_TYPES };

/** The longest endpoint URL accepted (the form and validateWebhookUrl both check it). */
export const MAX_WEBHOOK_URL_LENGTH = 2048;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/**
 * A path id. Any string: a malformed id is a missing record (404, answered
 * by the lookup), never a 400 — the document promises only 404 for ids.
 */
const objectId = (what: string) => z.string().meta({ description: `${what} id` });

export const webhookIdParam = z.object({
  id: objectId('Webhook endpoint'),
});
export const webhookDeliveryParams = z.object({
  id: objectId('Webhook endpoint'),
  deliveryId: objectId('Delivery'),
});

const urlField = z
  .string()
  .trim()
  .min(1, 'enter the URL to send events to')
  .max(MAX_WEBHOOK_URL_LENGTH)
  .meta({
    description:
      'Where events are POSTed. https only; never loopback, private, link-local or metadata addresses.',
    example: 'https://shop.example/webhooks/trailroom',
  });
const eventsField = z
  .array(webhookEventTypeSchema)
  .min(1, 'subscribe to at least one event')
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((list) => [...new Set(list)])
  .meta({ description: 'Event types to receive' });
const descriptionField = z.string().trim().max(200);

export const createWebhookBody = z
  .object({
    url: urlField,
    events: eventsField.optional().meta({ description: 'Event types to receive (default: all)' }),
    description: descriptionField.optional(),
  })
  .strict()
  .meta({ id: 'CreateWebhook' });
export type CreateWebhookInput = z.infer<typeof createWebhookBody>;

export const updateWebhookBody = z
  .object({
    url: urlField.optional(),
    events: eventsField.optional(),
    description: descriptionField.nullable().optional().meta({ description: 'null clears it' }),
    enabled: z
      .boolean()
      .optional()
      .meta({ description: 'false pauses deliveries; true re-enables a disabled endpoint' }),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'change at least one field')
  // The refinement, said in JSON Schema for the document.
  .meta({ id: 'UpdateWebhook', minProperties: 1 });
export type UpdateWebhookInput = z.infer<typeof updateWebhookBody>;

export const testWebhookBody = z
  .object({
    event_type: webhookEventTypeSchema
      .optional()
      .meta({ description: 'Which event to imitate (default: the first one subscribed)' }),
  })
  .strict()
  .meta({ id: 'TestWebhook' });

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);

export const listDeliveriesQuery = withPagination(
  z.object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    starting_after: cursorSchema.optional().meta({
      description:
        'The next_cursor of a previous page: the deliveries after it (a keyset page: no page/total)',
    }),
    ending_before: cursorSchema.optional().meta({
      description: 'A cursor: the deliveries just newer than it (paging back)',
    }),
    status: deliveryStatusSchema.optional(),
  }),
);
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(webhookEventTypeSchema),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable().meta({ description: 'Why it is disabled, in words' }),
    disabled_at: z.iso.datetime().nullable(),
    consecutive_failures: z
      .number()
      .int()
      .meta({ description: 'Deliveries in a row that failed after every retry' }),
    livemode: z.boolean().meta({
      description:
        'false for an endpoint created with a test key: it receives the events of test-key try-ons only',
    }),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpointView = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointWithSecretSchema = webhookEndpointSchema
  .extend({
    secret: z.string().meta({
      description: 'The signing secret (whsec_…), for a Standard Webhooks library',
    }),
  })
  .meta({ id: 'WebhookEndpointWithSecret' });
export type WebhookEndpointWithSecret = z.infer<typeof webhookEndpointWithSecretSchema>;

export const webhookListSchema = z
  .object({ data: z.array(webhookEndpointSchema) })
  .meta({ id: 'WebhookEndpointList' });

export const webhookAttemptSchema = z
  .object({
    at: z.iso.datetime(),
    status_code: z.number().int().nullable().meta({ description: 'null when no answer came' }),
    latency_ms: z.number().int().nullable(),
    response_excerpt: z
      .string()
      .nullable()
      .meta({ description: 'The first 1,000 characters of the answer' }),
    error: z.string().nullable(),
    manual: z.boolean().meta({ description: 'A redelivery you asked for' }),
  })
  .meta({ id: 'WebhookAttempt' });
export type WebhookAttemptView = z.infer<typeof webhookAttemptSchema>;

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    endpoint_id: z.string(),
    message_id: z
      .string()
      .meta({ description: 'The webhook-id header, the same on every attempt' }),
    event_type: webhookEventTypeSchema,
    test: z.boolean(),
    status: deliveryStatusSchema,
    attempt_count: z.number().int(),
    attempts: z.array(webhookAttemptSchema),
    next_attempt_at: z.iso.datetime().nullable(),
    delivered_at: z.iso.datetime().nullable(),
    failed_at: z.iso.datetime().nullable(),
    last_error: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()).meta({ description: 'The body that was signed' }),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryView = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryPageSchema = z
  .object({
    data: z.array(webhookDeliverySchema),
    page: z.number().int().optional().meta({ description: 'Absent on a cursor page' }),
    limit: z.number().int(),
    total: z.number().int().optional().meta({ description: 'Absent on a cursor page' }),
    has_more: z.boolean(),
    next_cursor: z.string().nullable().meta({
      description: 'Pass as starting_after for the next (older) page; null when there is none',
    }),
  })
  .meta({ id: 'WebhookDeliveryPage' });
/** A page by cursor: no page/total. */
export type WebhookDeliveryCursorPage = z.infer<typeof webhookDeliveryPageSchema>;
/** A page by number (no cursor given): page and total always present. */
export type WebhookDeliveryPage = WebhookDeliveryCursorPage & { page: number; total: number };

// --- What receivers get -------------------------------------------------------

export const eventDataSchemas = {
  'tryon.completed': z.object({ job: tryonJobResponseSchema }),
  'tryon.failed': z.object({
    job: tryonJobResponseSchema,
    credits_refunded: z.number().int(),
  }),
  'payment.completed': z.object({
    payment_id: z.string(),
    checkout_session_id: z.string(),
    credits: z.number().int(),
    amount_cents: z.number().int(),
    currency: z.string(),
    pricing_version: z.string(),
    status: z.string(),
  }),
  'credits.low': z.object({
    balance: z.number().int(),
    free_credits: z.number().int(),
    paid_credits: z.number().int(),
    threshold: z.number().int(),
  }),
  'widget.tryon.completed': z.object({
    job_id: z.string(),
    sku: z.string().nullable(),
    product_id: z.string().nullable(),
    api_key_id: z.string().meta({ description: 'The publishable key the widget used' }),
    origin: z.string().meta({ description: 'The shop origin the try-on was made on' }),
    completed_at: z.iso.datetime(),
  }),
} satisfies Record<WebhookEventType, z.ZodType>;

/** The signed body: Standard Webhooks' recommended `{ type, timestamp, data }`, plus `test`. */
export function webhookEnvelopeSchema<T extends WebhookEventType>(type: T) {
  return z.object({
    type: z.literal(type),
    timestamp: z.iso.datetime().meta({ description: 'When the event happened' }),
    test: z.boolean().meta({ description: 'true for "send test event" messages' }),
    livemode: z.boolean().meta({
      description:
        "false for events of a test key's try-ons (sent only to endpoints created with a test key)",
    }),
    data: eventDataSchemas[type],
  });
}

export interface WebhookEnvelope {
  type: WebhookEventType;
  timestamp: string;
  test: boolean;
  livemode: boolean;
  data: Record<string, unknown>;
}
