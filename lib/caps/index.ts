// Spend caps: one race-safe counter primitive (reserveCap / releaseCap) for
// per-key daily, per-account monthly, per-org daily and per-visitor daily limits.
export * from './types';
export * from './periods';
export { reserveCap, CAP_RETENTION_MS } from './reserve-cap';
export { releaseCap } from './release-cap';
export { capReachedError } from './cap-reached-error';
export { capUsage } from './cap-usage';
export { pruneCapEntries } from './prune-cap-entries';
export { setCapTestHooks, resetCapTestHooks } from './cap-chain';
export {
  accountMonthlyCap,
  getAccountSpendCap,
  setAccountSpendCap,
  spendCapSchema,
  updateSpendCapBody,
  MAX_MONTHLY_SPEND_CAP,
  type SpendCapView,
} from './account-spend-cap';
