import { requireMember } from './require-member';
import { serializeOrganization, type OrganizationView } from './serialize';

/** One organisation the person belongs to, with their role (404 for anyone else). */
export async function getOrganization(orgId: string, userId: string): Promise<OrganizationView> {
  const { org, membership } = await requireMember(orgId, userId);
  return serializeOrganization(org, membership.role);
}
