/** What the organisation pages show (view models the server pages build from lib/orgs). */

export type OrgRoleName = 'owner' | 'admin' | 'member';

export const ORG_ROLE_LABELS: Record<OrgRoleName, { label: string; hint: string }> = {
  owner: { label: 'Owner', hint: 'everything, including roles and deleting the organisation' },
  admin: { label: 'Admin', hint: 'members, keys, webhooks, products, billing, settings' },
  member: { label: 'Member', hint: 'try-ons, history, reading products' },
};

export interface MemberView {
  userId: string;
  email: string;
  name: string | null;
  role: OrgRoleName;
  joinedAt: string;
}

export interface InviteView {
  id: string;
  role: OrgRoleName;
  email: string | null;
  createdAt: string;
  expiresAt: string;
}
