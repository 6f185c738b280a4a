import { Membership, Organization, type MembershipDoc, type OrganizationDoc } from '@/models';
import type { OrgRole } from '@/models/enums';

export interface MyOrganization {
  id: string;
  name: string;
  slug: string;
  role: OrgRole;
  status: OrganizationDoc['status'];
}

/** The organisations a person belongs to (oldest membership first); deleted ones are left out. */
export async function listMyOrganizations(userId: string): Promise<MyOrganization[]> {
  const memberships = await Membership.find({ userId })
    .sort({ createdAt: 1 })
    .limit(200)
    .lean<MembershipDoc[]>();
  if (memberships.length === 0) return [];
  const orgs = await Organization.find(
    { _id: { $in: memberships.map((m) => m.orgId) } },
    { name: 1, slug: 1, status: 1 },
  ).lean<OrganizationDoc[]>();
  const byId = new Map(orgs.map((o) => [o._id.toString(), o]));
  const out: MyOrganization[] = [];
  for (const m of memberships) {
    const org = byId.get(m.orgId.toString());
    if (!org || org.status === 'deleted') continue;
    out.push({
      id: org._id.toString(),
      name: org.name,
      slug: org.slug,
      role: m.role,
      status: org.status,
    });
  }
  return out;
}
