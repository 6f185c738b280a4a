export * from './can';
export { findOwner, ownerTypeOf, describeOwner, type Owner } from './find-owner';
export {
  ACCOUNT_COOKIE,
  resolveAccountContext,
  organizationAccessRevoked,
  organizationSuspended,
  type OrgAccount,
  type AccountContext,
} from './account-context';
