export * from './nav';
export {
  claimAdminOperation,
  finishAdminOperation,
  ADMIN_OPERATION_STALE_MS,
  type AdminOperationClaim,
  type ClaimAdminOperationInput,
} from './claim-admin-operation';
export { adminRoute, type AdminRouteContext } from './admin-route';
