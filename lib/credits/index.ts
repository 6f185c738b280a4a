export * from './config';
export * from './types';
export { utcDay, nextUtcMidnight } from './utc-day';
export { getBalance } from './get-balance';
export { findEntryByKey } from './ledger';
export { spendCredits, type SpendInput } from './spend-credits';
export { refundUsage, type RefundUsageInput } from './refund-usage';
export { recordFreeUsage, type FreeUsageInput } from './record-free-usage';
export { refundUsageShare, usageShare, type RefundUsageShareInput } from './refund-usage-share';
export { grantPurchasedCredits, type GrantInput } from './grant-purchased-credits';
export {
  revokePurchasedCredits,
  type RevokeInput,
  type RevokeResult,
} from './revoke-purchased-credits';
export { adjustCredits, type AdjustInput } from './adjust-credits';
export { reconcile, type ReconcileReport } from './reconcile';
export {
  listTransactions,
  iterateTransactions,
  type TransactionQuery,
  type TransactionPage,
} from './list-transactions';
export {
  listTransactionsByCursor,
  type TransactionCursorPage,
} from './list-transactions-by-cursor';
export { usageSeries, type UsagePoint } from './usage-series';
export {
  transactionQuerySchema,
  balanceSchema,
  transactionSchema,
  transactionPageSchema,
  toRange,
  type TransactionQueryInput,
} from './schemas';
export { serializeBalance, serializeTransaction } from './serialize';
export { transactionsCsvStream } from './transactions-csv';
export { adminReconcile } from './admin-reconcile';
