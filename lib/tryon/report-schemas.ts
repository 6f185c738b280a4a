import '@/lib/zod-jitless';
import { z } from 'zod';
import { REPORT_REASONS } from '@/models/enums';
import { REPORT_NOTE_MAX } from './report-reasons';

/**
 * "Not right" reports and free re-rolls (POST /api/v1/tryon/{id}/report), and
 * the provider attempts admins see. Client-safe: the studio's report form
 * validates with the same schema.
 */

export const reportReasonSchema = z.enum(REPORT_REASONS);

export { REPORT_NOTE_MAX, REPORT_REASON_LABELS } from './report-reasons';

export const reportTryonBodySchema = z
  .object({
    reason: reportReasonSchema,
    note: z.string().trim().max(REPORT_NOTE_MAX).optional(),
  })
  .strict()
  .meta({ id: 'TryonReportRequest' });
export type ReportTryonBody = z.infer<typeof reportTryonBodySchema>;

export const reportTryonResponseSchema = z
  .object({
    job_id: z.string(),
    reason: reportReasonSchema,
    /** True for the job's first report: a new job regenerates it once at no cost. */
    regenerated: z.boolean(),
    /** The free re-roll's job id (also on a later report, once it exists). */
    reroll_job_id: z.string().nullable(),
    /** Why no re-roll was made: `already_rerolled` (not the first report) or `is_reroll` (a re-roll itself). */
    not_regenerated_reason: z.enum(['already_rerolled', 'is_reroll']).nullable(),
  })
  .meta({ id: 'TryonReportResult' });
export type ReportTryonResponse = z.infer<typeof reportTryonResponseSchema>;

export const providerAttemptJson = z.object({
  provider: z.string(),
  model: z.string().nullable(),
  ok: z.boolean(),
  code: z.string().nullable(),
  ms: z.number().int().nullable(),
  at: z.string().nullable(),
  sample: z.number().int().nullable(),
});
export type ProviderAttemptJson = z.infer<typeof providerAttemptJson>;

export const adminReportJson = z.object({
  seq: z.number().int(),
  reason: reportReasonSchema,
  note: z.string().nullable(),
  regenerated: z.boolean(),
  reroll_job_id: z.string().nullable(),
  created_at: z.string(),
});
export type AdminReportJson = z.infer<typeof adminReportJson>;

/** The admin job page's failover and report sections. */
export const adminJobRerollShape = {
  provider_attempts: z.array(providerAttemptJson),
  reports: z.array(adminReportJson),
  reroll_of: z.string().nullable(),
  reroll_job_id: z.string().nullable(),
};
