import { z } from 'zod';
import { adminReasonSchema, isoDateSchema, withOrderedDateRange } from '@/lib/api/shared-schemas';
import { JOB_STATUSES, TRYON_MODES } from '@/models/enums';
import { adminJobRerollShape } from './report-schemas';

/** Admin job schemas (/api/admin/jobs…): request parsing and the snake_case responses. */

export const ADMIN_JOB_PROVIDERS = ['local', 'gemini', 'openai'] as const;

export const adminJobsQuery = withOrderedDateRange(
  z.object({
    status: z.enum(JOB_STATUSES).optional(),
    /** Only jobs stuck in queued/processing past the sweeper's threshold. */
    stuck: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .optional(),
    mode: z.enum(TRYON_MODES).optional(),
    provider: z.enum(ADMIN_JOB_PROVIDERS).optional(),
    /** A user id or part of an email address. */
    user: z.string().trim().min(1).max(320).optional(),
    date_from: isoDateSchema.optional(),
    date_to: isoDateSchema.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  }),
);
export type AdminJobsQuery = z.infer<typeof adminJobsQuery>;

export const jobIdParam = z.object({
  id: z.string().regex(/^[0-9a-f]{24}$/i, 'must be a job id'),
});

export const adminRetryJobBody = z.object({
  reason: adminReasonSchema,
  /** Client-generated UUID: a double-submitted dialog re-queues once. */
  idempotency_key: z.uuid(),
});
export type AdminRetryJobBody = z.infer<typeof adminRetryJobBody>;

/** The job's own key (`refund:<jobId>`) makes a refund once-only; no client key is needed. */
export const adminRefundJobBody = z.object({ reason: adminReasonSchema });
export type AdminRefundJobBody = z.infer<typeof adminRefundJobBody>;

export const adminJobJson = z.object({
  id: z.string(),
  status: z.enum(JOB_STATUSES),
  stuck: z.boolean(),
  mode: z.enum(TRYON_MODES),
  source: z.enum(['web', 'api', 'widget']),
  user: z.object({ id: z.string(), email: z.string().nullable() }),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  prompt: z.object({ id: z.string(), version: z.number().int().nullable() }).nullable(),
  credits_used: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Admins only: the raw failure (provider code and text) behind the public `error`. */
  error_detail: z.object({ code: z.string(), message: z.string() }).nullable(),
  retry_count: z.number().int(),
  admin_retries: z.number().int(),
  queued_at: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  retried_at: z.string().nullable(),
  processing_ms: z.number().int().nullable(),
});
export type AdminJobJson = z.infer<typeof adminJobJson>;

export const adminJobStatusCounts = z.object({
  queued: z.number().int(),
  processing: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  canceled: z.number().int(),
  stuck: z.number().int(),
});
export type AdminJobStatusCounts = z.infer<typeof adminJobStatusCounts>;

export const adminJobPageJson = z.object({
  data: z.array(adminJobJson),
  counts: adminJobStatusCounts,
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type AdminJobPageJson = z.infer<typeof adminJobPageJson>;

const ledgerRef = z.object({
  entry_id: z.string(),
  credits: z.number().int(),
  description: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable() }),
  created_at: z.string(),
});

export const adminJobDetailJson = adminJobJson.extend({
  /** What the job's `usage:<jobId>` entry took; null when nothing was charged. */
  charge: ledgerRef.nullable(),
  /** The one `refund:<jobId>` entry, automatic or by an admin; null when not refunded. */
  refund: ledgerRef.nullable(),
  /** Short-lived signed links (lib/storage signImageUrl): admins see the images without the owner check being relaxed. */
  images: z.object({
    user: z.string().nullable(),
    top: z.string().nullable(),
    bottom: z.string().nullable(),
    output: z.string().nullable(),
  }),
  retries: z.array(
    z.object({
      seq: z.number().int(),
      status: z.string(),
      reason: z.string(),
      actor_email: z.string().nullable(),
      created_at: z.string(),
    }),
  ),
  can_retry: z.boolean(),
  can_refund: z.boolean(),
  ...adminJobRerollShape,
});
export type AdminJobDetailJson = z.infer<typeof adminJobDetailJson>;

export const adminRetryJobResult = z.object({
  job: adminJobJson,
  replayed: z.boolean(),
});
export type AdminRetryJobResult = z.infer<typeof adminRetryJobResult>;

export const adminRefundJobResult = z.object({
  job_id: z.string(),
  /** False: the job had already been refunded (automatically or by an admin); nothing changed. */
  refunded: z.boolean(),
  credits: z.number().int(),
  refund: ledgerRef,
});
export type AdminRefundJobResult = z.infer<typeof adminRefundJobResult>;
