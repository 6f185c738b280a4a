export * from './nav';
export {
  claimAdminOperation,
  finishAdminOperation,
  ADMIN_OPERATION_STALE_MS,
  type AdminOperationClaim,
  type ClaimAdminOperationInput,
} from './claim-admin-operation';
export { adminRoute, type AdminRouteContext } from './admin-route';
export * from './types';
export * from './schemas';
export {
  adjustUserCredits,
  type AdjustUserCreditsInput,
  type AdjustUserCreditsResult,
} from './adjust-user-credits';
