import type { OrgRole } from '@/models/enums';
import { AppError } from '@/lib/errors';

/**
 * What each organisation role may do: the one table (docs/architecture.md
 * "Organisations"). Owners do everything; admins run the organisation
 * (members, keys, webhooks, products, billing, settings) but cannot change
 * roles or delete it; members make try-ons, see the history and the catalog.
 */
export const ORG_ACTIONS = [
  'tryon:create',
  'history:read',
  'credits:read',
  'products:read',
  'products:manage',
  'billing:manage',
  'keys:manage',
  'webhooks:manage',
  'dashboard:read',
  'members:manage',
  'settings:manage',
  'roles:manage',
  'org:delete',
] as const;
export type OrgAction = (typeof ORG_ACTIONS)[number];

const MEMBER: readonly OrgAction[] = [
  'tryon:create',
  'history:read',
  'credits:read',
  'products:read',
];
const ADMIN: readonly OrgAction[] = [
  ...MEMBER,
  'products:manage',
  'billing:manage',
  'keys:manage',
  'webhooks:manage',
  'dashboard:read',
  'members:manage',
  'settings:manage',
];

const TABLE: Record<OrgRole, ReadonlySet<OrgAction>> = {
  owner: new Set(ORG_ACTIONS),
  admin: new Set(ADMIN),
  member: new Set(MEMBER),
};

export function can(role: OrgRole, action: OrgAction): boolean {
  return TABLE[role].has(action);
}

/** The roles a person of `role` may hand out (invite with, or change others to). */
export function assignableRoles(role: OrgRole): OrgRole[] {
  if (role === 'owner') return ['owner', 'admin', 'member'];
  if (role === 'admin') return ['admin', 'member'];
  return [];
}

export const roleForbidden = (action: OrgAction) =>
  new AppError(
    'organization_role_forbidden',
    'Your role in this organisation does not allow this; ask an owner or admin.',
    { details: { action } },
  );

/** Whether the caller's account allows `action` (always in a personal account). */
export function accountCan(
  caller: { account: { type: 'user' } | { type: 'organization'; role: OrgRole } },
  action: OrgAction,
): boolean {
  return caller.account.type !== 'organization' || can(caller.account.role, action);
}

/**
 * For routes acting on the caller's account: a personal account may do
 * everything with its own things; in an organisation the role decides.
 */
export function assertAccountCan(
  caller: { account: { type: 'user' } | { type: 'organization'; role: OrgRole } },
  action: OrgAction,
): void {
  if (!accountCan(caller, action)) throw roleForbidden(action);
}

/**
 * The owner id to act on, after the role check: `caller.ownerId` for an
 * action the caller's organisation role allows (always, in a personal
 * account). Routes use it where they would read `caller.ownerId`.
 */
export function ownerIdFor(
  caller: {
    ownerId: string;
    account: { type: 'user' } | { type: 'organization'; role: OrgRole };
  },
  action: OrgAction,
): string {
  assertAccountCan(caller, action);
  return caller.ownerId;
}
