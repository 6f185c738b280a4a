import { Membership, Organization, membershipId, type OrganizationDoc } from '@/models';
import type { OrgRole } from '@/models/enums';
import { AppError } from '@/lib/errors';

/** The cookie holding the session's organisation context (an org id; absent = personal). */
export const ACCOUNT_COOKIE = 'tr_account';

export type OrgAccount = {
  type: 'organization';
  orgId: string;
  role: OrgRole;
  name: string;
  slug: string;
};

export type AccountContext =
  { ok: true; account: OrgAccount } | { ok: false; error: AppError; orgId: string };

export const organizationAccessRevoked = (orgId?: string) =>
  new AppError(
    'organization_access_revoked',
    'You are no longer a member of this organisation. Switch to another account.',
    orgId ? { details: { org_id: orgId } } : {},
  );

export const organizationSuspended = () =>
  new AppError('organization_suspended', 'This organisation is suspended. Contact support.');

/**
 * Checks a person's organisation context, on every request: the membership
 * (one `_id` read, `<orgId>:<userId>`) and the organisation's status (one
 * `_id` read). A removed member or a deleted organisation is refused, never
 * silently switched to the personal account.
 */
export async function resolveAccountContext(
  userId: string,
  orgId: string,
): Promise<AccountContext> {
  if (!/^[0-9a-f]{24}$/i.test(orgId))
    return { ok: false, error: organizationAccessRevoked(), orgId };
  const [membership, org] = await Promise.all([
    Membership.findById(membershipId(orgId, userId)).lean<{ role: OrgRole }>(),
    Organization.findById(orgId).lean<OrganizationDoc>(),
  ]);
  if (!membership || !org || org.status === 'deleted')
    return { ok: false, error: organizationAccessRevoked(orgId), orgId };
  if (org.status === 'suspended') return { ok: false, error: organizationSuspended(), orgId };
  return {
    ok: true,
    account: {
      type: 'organization',
      orgId,
      role: membership.role,
      name: org.name,
      slug: org.slug,
    },
  };
}

/** The `tr_account` value from a Cookie header, or null. */
export function accountCookieFrom(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === ACCOUNT_COOKIE) {
      const value = decodeURIComponent(part.slice(eq + 1).trim());
      return value === '' ? null : value;
    }
  }
  return null;
}
