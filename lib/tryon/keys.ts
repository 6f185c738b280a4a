/** Deterministic keys: the ledger and Inngest drop a repeated one, so retries are harmless. */
export { TRYON_JOB_CREATED, type TryonJobCreatedData } from '@/lib/jobs/events';

export const usageKey = (jobId: string) => `usage:${jobId}`;
export const refundKey = (jobId: string) => `refund:${jobId}`;
export const jobEventId = (jobId: string) => `tryon:${jobId}`;
export const completedEventId = (jobId: string) => `tryon.completed:${jobId}`;
export const failedEventId = (jobId: string) => `tryon.failed:${jobId}`;

/** `clientKey` is unique per user: `<userId>:key:<Idempotency-Key>` or `<userId>:auto:<jobId>`. */
export const clientKeyFor = (userId: string, idempotencyKey: string) =>
  `${userId}:key:${idempotencyKey}`;
export const autoClientKey = (userId: string, jobId: string) => `${userId}:auto:${jobId}`;
