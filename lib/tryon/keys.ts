/** Deterministic keys: the ledger and Inngest drop a repeated one, so retries are harmless. */
export { TRYON_JOB_CREATED, type TryonJobCreatedData } from '@/lib/jobs/events';

export const usageKey = (jobId: string) => `usage:${jobId}`;
export const refundKey = (jobId: string) => `refund:${jobId}`;
/**
 * A several-sample job's refunds are per share, `refund:<jobId>:<n>`, and never `refund:<jobId>`:
 * a failed sample returns its share and a wholly failed job returns every share not yet
 * returned, so no key can give back what another already did (lib/tryon/refund-job.ts).
 */
export const sampleRefundKey = (jobId: string, n: number) => `refund:${jobId}:${n}`;
export const jobEventId = (jobId: string) => `tryon:${jobId}`;
export const completedEventId = (jobId: string) => `tryon.completed:${jobId}`;
export const failedEventId = (jobId: string) => `tryon.failed:${jobId}`;

/** `clientKey` is unique per user: `<userId>:key:<Idempotency-Key>` or `<userId>:auto:<jobId>`. */
export const clientKeyFor = (userId: string, idempotencyKey: string) =>
  `${userId}:key:${idempotencyKey}`;
export const autoClientKey = (userId: string, jobId: string) => `${userId}:auto:${jobId}`;
