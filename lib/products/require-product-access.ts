import { AppError } from '@/lib/errors';
import { can } from '@/lib/orgs/can';
import type { OrgRole } from '@/models/enums';

/** What the catalog needs to know of a caller (lib/auth's Caller has it). */
export interface ProductActor {
  userId: string;
  account: { type: 'user' } | { type: 'organization'; orgId: string; role: OrgRole };
}

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
  // lib/orgs' one table: members read the catalog (`products:read`), admins and owners change it.
  if (!can(account.role, need === 'write' ? 'products:manage' : 'products:read')) {
    throw new AppError(
      'organization_role_forbidden',
      'Only the organisation’s owners and admins can change its products',
    );
  }
  return account.orgId;
}
