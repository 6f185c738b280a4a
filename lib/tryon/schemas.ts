import '@/lib/zod-jitless';
import { z } from 'zod';
import { paginationShape, withPagination } from '@/lib/api/list';
import { THUMBNAIL_WIDTHS, type ThumbnailWidth } from '@/lib/images/thumbnail-widths';
import { reportReasonSchema } from './report-schemas';
import { JOB_STATUSES, TRYON_MODES, type TryonMode } from '@/models/enums';

/**
 * Request/response schemas of the try-on API. The routes parse with them and
 * the OpenAPI document is generated from them, so they are the contract.
 */

/** base64, a `data:` URI or an https URL (lib/images decodes and checks it). */
export const imageInputSchema = z
  .string()
  .min(1, 'must be a base64 string, a data: URI or an https URL')
  // A backstop only: lib/images refuses anything over 10 MB decoded with its precise 413 code.
  .max(20_000_000, 'image is too large')
  .meta({
    description: 'An image (JPEG, PNG or WebP, at most 10 MB): base64, a data: URI or an https URL',
    // Marks the field for tools built on the document (the playground offers a file picker).
    'x-trailroom-image': true,
  });

export const tryonModeSchema = z.enum(TRYON_MODES);

/** Results per request: each is generated (and, if it fails, refunded) on its own. */
export const MAX_SAMPLES = 4;
export const MAX_SEED = 2_147_483_647;
export const samplesSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_SAMPLES)
  .meta({ description: `Results to generate, 1–${MAX_SAMPLES}; the cost is the mode's × samples` });
export const seedSchema = z
  .number()
  .int()
  .min(0)
  .max(MAX_SEED)
  .meta({ description: 'Sample n (1-based) uses seed + n − 1; drawn at random when omitted' });
export const jobStatusSchema = z.enum(JOB_STATUSES);

/** `bottom_image` is required exactly when the mode is `full`. */
function refineBottom<T extends { mode: TryonMode; bottom_image?: unknown }>(
  v: T,
  ctx: z.RefinementCtx,
) {
  if (v.mode === 'full' && v.bottom_image === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['bottom_image'],
      message: 'is required when mode is "full"',
    });
  }
  if (v.mode !== 'full' && v.bottom_image !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['bottom_image'],
      message: `must be omitted when mode is "${v.mode}"`,
    });
  }
}

/**
 * A try-on may name a catalog product (`product_id` or `sku`, organisation
 * accounts) instead of sending the garment photo: then `top_image` may be
 * absent and lib/tryon/tryon-product.ts checks the slots against the
 * product's category; otherwise `top_image` is required and `bottom_image`
 * follows the mode.
 */
function refineTryonJson(
  v: {
    mode: TryonMode;
    top_image?: unknown;
    bottom_image?: unknown;
    product_id?: unknown;
    sku?: unknown;
  },
  ctx: z.RefinementCtx,
) {
  if (v.product_id !== undefined || v.sku !== undefined) return;
  if (v.top_image === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['top_image'],
      message: 'is required (or name a catalog product with product_id or sku)',
    });
  }
  refineBottom(v, ctx);
}

export const createTryonJsonSchema = z
  .object({
    mode: tryonModeSchema,
    user_image: imageInputSchema,
    top_image: imageInputSchema.optional(),
    product_id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'A catalog product of your organisation, instead of a garment image' }),
    sku: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'A catalog product named by its SKU, instead of a garment image' }),
    bottom_image: imageInputSchema.optional(),
    samples: samplesSchema.default(1),
    seed: seedSchema.optional(),
  })
  .strict()
  .superRefine(refineTryonJson)
  // The refinement above, said in JSON Schema for the document and its tools.
  .meta({
    allOf: [
      {
        if: {
          properties: { mode: { const: 'full' } },
          not: { anyOf: [{ required: ['product_id'] }, { required: ['sku'] }] },
        },
        then: { required: ['bottom_image'] },
      },
      {
        if: { properties: { mode: { not: { const: 'full' } } } },
        then: { not: { required: ['bottom_image'] } },
      },
      {
        // The garment: an image, or a catalog product (the first branch is the common case,
        // and names the field so that tools sampling the schema send it).
        anyOf: [
          { required: ['top_image'], properties: { top_image: { type: 'string' } } },
          { required: ['product_id'] },
          { required: ['sku'] },
        ],
      },
    ],
  });
export type CreateTryonJson = z.infer<typeof createTryonJsonSchema>;

/**
 * An image the server already has, named instead of uploaded (studio forms
 * only): one of the caller's own assets (a saved photo, an earlier try-on's
 * input) or a shipped sample. Owner-checked on the server; never a URL.
 */
export const imageRefSchema = z
  .string()
  .regex(/^(asset:[0-9a-f]{24}|sample:[a-z0-9-]{1,40})$/, 'must be asset:<id> or sample:<id>');

/** The studio's form fields with `image` as each photo's schema: the route's and the browser's. */
export function tryonFormSchema<T extends z.ZodType>(image: T) {
  return z
    .object({
      mode: tryonModeSchema,
      user_image: image,
      top_image: image,
      bottom_image: image.optional(),
      // Form fields are text: '3' → 3.
      samples: z.coerce.number().pipe(samplesSchema).default(1),
      seed: z.coerce.number().pipe(seedSchema).optional(),
    })
    .superRefine(refineBottom);
}

/** The multipart form the studio sends: the same fields, images as files or references. */
export const createTryonFormSchema = tryonFormSchema(
  z.union([z.instanceof(Uint8Array), imageRefSchema]),
);

/** What the studio checks before upload: each slot a picked file (Blob) or a reference. */
export const studioTryonFormSchema = tryonFormSchema(
  z.union([z.instanceof(Blob), imageRefSchema], { error: 'is missing' }),
);

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/**
 * GET /tryon: filters, and either `page` (offset, with `total`) or a keyset
 * cursor — `starting_after`/`ending_before`, the `next_cursor` of a page —
 * which reads only `limit + 1` rows from the `(userId, createdAt)` index.
 */
export const listTryonQuerySchema = withPagination(
  z.object({
    ...paginationShape({ defaultLimit: 20 }),
    mode: tryonModeSchema.optional(),
    status: jobStatusSchema.optional(),
    favorite: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === 'true')),
  }),
);
export type ListTryonQuery = z.infer<typeof listTryonQuerySchema>;

/** `?w=160|320|640` (a thumbnail of that width) and `?download=1`. */
export const tryonImageQuerySchema = z.object({
  w: z
    .enum(THUMBNAIL_WIDTHS.map(String) as [string, ...string[]], {
      error: `w must be one of ${THUMBNAIL_WIDTHS.join(', ')}`,
    })
    .transform((v) => Number(v) as ThumbnailWidth)
    .optional(),
  download: z.string().max(5).optional(),
  /** `jpeg`: the full image converted on request (for a download); default the stored WebP. */
  format: z.enum(['webp', 'jpeg']).optional(),
  /** One result of a several-sample job, by sample number (default: the first completed). */
  output: z.coerce.number().int().min(1).max(MAX_SAMPLES).optional(),
});

/** `output`: one result of a several-sample job (its sample number); without it, the job. */
export const updateTryonSchema = z
  .object({ favorite: z.boolean(), output: z.number().int().min(1).max(MAX_SAMPLES).optional() })
  .strict();
export type UpdateTryon = z.infer<typeof updateTryonSchema>;

/** Any string: a malformed id answers 404 from the lookup, like a missing job (never 400). */
export const jobIdParamSchema = z.object({ id: z.string() });

export const tryonJobResponseSchema = z.object({
  id: z.string(),
  status: jobStatusSchema,
  mode: tryonModeSchema,
  credits_used: z.number().int().meta({
    description:
      'Credits the job reserved. For a test job (livemode false) nothing is charged: this is what a live job would cost.',
  }),
  /** False for a test key's job (tr_test_): never charged, local provider, test data only. */
  livemode: z.boolean(),
  source: z.enum(['web', 'api', 'widget']),
  provider: z.enum(['local', 'gemini', 'openai']).optional(),
  model: z.string().optional(),
  prompt_version: z.number().int().optional(),
  favorite: z.boolean(),
  output_image_url: z.string().optional(),
  /** The catalog product the try-on named (organisation accounts). */
  product_id: z.string().optional(),
  sku: z.string().optional(),
  /** Results asked for; `credits_used` is the mode's cost × samples (failed samples are refunded). */
  samples: z.number().int(),
  seed: z.number().int().optional(),
  /** Each completed result, by sample number; the first is also `output_image_url`. */
  outputs: z.array(
    z.object({
      sample: z.number().int(),
      url: z.string(),
      seed: z.number().int().optional(),
      favorite: z.boolean(),
    }),
  ),
  /** Samples that failed (each refunded its share). */
  samples_failed: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  retry_count: z.number().int(),
  created_at: z.string(),
  started_at: z.string().optional(),
  completed_at: z.string().optional(),
  processing_ms: z.number().int().optional(),
  /** On a free re-roll: the reported job it regenerates. */
  reroll_of: z.string().optional(),
  /** On a reported job: its free re-roll (POST /tryon/{id}/report). */
  reroll_job_id: z.string().optional(),
  /** The owner's first "not right" report, if any. */
  report: z.object({ reason: reportReasonSchema, reported_at: z.string() }).optional(),
  /** The stored input images (GET /api/assets/{id}, owner only; gone after the retention period). */
  inputs: z
    .object({
      user_image_id: z.string(),
      top_image_id: z.string(),
      bottom_image_id: z.string().optional(),
    })
    .optional(),
});
export type TryonJobResponse = z.infer<typeof tryonJobResponseSchema>;

export const tryonJobListResponseSchema = z.object({
  data: z.array(tryonJobResponseSchema),
  page: z.number().int().optional().meta({ description: 'Absent on a cursor page' }),
  limit: z.number().int(),
  total: z.number().int().optional().meta({ description: 'Absent on a cursor page' }),
  has_more: z.boolean(),
  next_cursor: z.string().nullable().meta({
    description:
      'Pass as starting_after for the next (older) page; null when there is none. On an ending_before page, pass as ending_before to go on towards newer jobs.',
  }),
});
/** A page of GET /tryon: an offset page has page/total, a cursor page does not. */
export type TryonJobListResponse = z.infer<typeof tryonJobListResponseSchema>;
/** An offset page (no cursor given): page and total always present. */
export type TryonJobOffsetPage = TryonJobListResponse & { page: number; total: number };

export const deleteTryonResponseSchema = z.object({
  id: z.string(),
  result: z.enum(['canceled', 'deleted']),
  credits_refunded: z.number().int(),
});
export type DeleteTryonResponse = z.infer<typeof deleteTryonResponseSchema>;

export type { TryonMode, JobStatus } from '@/models/enums';
