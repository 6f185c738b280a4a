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
export * from './schemas';
export * from './serialize';
export type { OrgActor, OrgActionInput } from './types';
export { requireMember, type MemberAccess } from './require-member';
export { createOrganization, slugFromName } from './create-organization';
export { listMyOrganizations, type MyOrganization } from './list-my-organizations';
export { getOrganization } from './get-organization';
export { listMembers } from './list-members';
export {
  createInvite,
  listInvites,
  revokeInvite,
  acceptInvite,
  inviteUrl,
  INVITE_TTL_MS,
  type AcceptedInvite,
} from './invites';
export { changeMemberRole, removeMember, leaveOrganization } from './members';
export { updateOrgSettings } from './update-org-settings';
export {
  adminListOrganizations,
  adminGetOrganization,
  suspendOrganization,
  unsuspendOrganization,
  adjustOrgCredits,
  type AdminOrganizationRow,
  type AdminOrganizationPage,
  type AdminOrganizationDetail,
} from './admin';
export { setAccountContext } from './set-account-context';
