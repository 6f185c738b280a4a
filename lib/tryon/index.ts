export * from './schemas';
export * from './keys';
export { serializeJob, outputImageUrl } from './serialize';
export {
  hashTryonRequest,
  type TryonSubmission,
  type ImageSource,
  type ImageRef,
} from './tryon-submission';
export {
  createTryonJob,
  type CreateTryonJobInput,
  type CreateTryonJobResult,
  type TryonSource,
} from './create-tryon-job';
export {
  getTryonJobOrThrow,
  inDataSpace,
  dataSpaceFilter,
  type DataSpace,
} from './get-tryon-job-or-throw';
export { getWardrobeItem, type WardrobeItem, type WardrobeImages } from './get-wardrobe-item';
export { listTryonJobs } from './list-tryon-jobs';
export { listTryonJobsByCursor } from './list-tryon-jobs-by-cursor';
export { deleteTryonJob } from './delete-tryon-job';
export { setTryonFavorite } from './set-tryon-favorite';
export { getTryonOutputOrThrow, type TryonOutput } from './get-tryon-output-or-throw';
export { markJobProcessing, type MarkProcessingResult } from './mark-job-processing';
export { loadJobInputs, type JobInputs } from './load-job-inputs';
export {
  planJobGeneration,
  generateJobOutput,
  type GenerationPlan,
  type GeneratedOutput,
} from './generate-job-output';
export {
  GenerationError,
  PUBLIC_FAILURES,
  publicFailure,
  type PublicFailureCode,
} from './generation-error';
export { completeJob, type CompleteJobResult } from './complete-job';
export { failJob, type FailJobResult } from './fail-job';
export { refundJob, refundSample, type JobRef, type RefundJobResult } from './refund-job';
export { failAndRefundJob, type FailAndRefundResult } from './fail-and-refund-job';
export { announceJobCompleted } from './announce-job-completed';
export { findStuckJobs, STUCK_JOB_AFTER_MS, STUCK_REASON } from './sweep-stuck-jobs';
export { findJob } from './find-job';
export * from './admin-schemas';
export { serializeAdminJob, isJobStuck } from './admin-serialize';
export {
  adminListJobs,
  adminJobHealth,
  countJobsByStatus,
  stuckJobsFilter,
} from './admin-list-jobs';
export { adminGetJob, canRefundJob } from './admin-get-job';
export { adminRetryJob, retryEventId } from './admin-retry-job';
export { adminRefundJob } from './admin-refund-job';
export { reportTryonJob, type ReportTryonInput } from './report-tryon-job';
export { startRerollJob, rerollUsageKey, rerollClientKey } from './start-reroll-job';
export { claimRerollSlot, type RerollSlot } from './claim-reroll-slot';
export { REROLL_DAILY_LIMIT, MAX_REPORTS_PER_JOB } from './report-limits';
export * from './report-schemas';
export { recordProviderAttempts } from './record-provider-attempts';
export { generateJobSample, sampleSeed, type SampleResult } from './generate-job-sample';
export { completedOutputs } from './serialize';
export {
  readSimulateHeader,
  simulateHeaderSchema,
  SIMULATE_HEADER,
  SIMULATED_OUTCOMES,
  type SimulatedOutcome,
} from './simulate';
export { reserveJobSpendCaps, releaseJobSpendCaps, capOpKey } from './job-spend-caps';
