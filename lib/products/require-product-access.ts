import { AppError } from '@/lib/errors';
import type { OrgRole } from '@/models/enums';

/** What the catalog needs to know of a caller (lib/auth's Caller has it). */
export interface ProductActor {
  userId: string;
  account: { type: 'user' } | { type: 'organization'; orgId: string; role: OrgRole };
}

/** Members read the catalog; admins and owners change it. */
const WRITE_ROLES: readonly OrgRole[] = ['owner', 'admin'];

/**
 * The organisation whose catalog the caller may read (`read`) or change
 * (`write`): 403 `organization_required` from a personal account, 403
 * `organization_role_forbidden` for a member who tries to change it.
 */
export function requireProductAccess(actor: ProductActor, need: 'read' | 'write'): string {
  const account = actor.account;
  if (account.type !== 'organization') {
    throw new AppError(
      'organization_required',
      'Products belong to organisations: switch to an organisation (or use its API key)',
    );
  }
  if (need === 'write' && !WRITE_ROLES.includes(account.role)) {
    throw new AppError(
      'organization_role_forbidden',
      'Only the organisation’s owners and admins can change its products',
    );
  }
  return account.orgId;
}
