export { sendEvent } from './send-event';
export {
  dispatchInline,
  drainInline,
  runInlineCronTick,
  startInlineCrons,
  setInlineBackoffScale,
  type ClaimCronTick,
} from './inline';
export { claimJob, type ClaimJobOptions } from './claim-job';
export { pruneJobClaims, JOB_CLAIM_RETENTION_MS } from './prune-job-claims';
export { registerJobRuntime, jobRuntime, type JobRuntime } from './runtime';
export * from './contracts';
export * from './events';
