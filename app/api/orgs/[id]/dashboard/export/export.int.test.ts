import { describe, expect, it } from 'vitest';
import { createOrganization, ACCOUNT_COOKIE } from '@/lib/orgs';
import { Membership, membershipId } from '@/models';
import {
  SESSION_COOKIE,
  createTestUser,
  sessionToken,
  testRequest,
} from '@/lib/testing/session-request';
import { GET } from './route';

/**
 * The dashboard CSV through its route with real sessions and the
 * organisation context cookie: an owner or admin of the active organisation
 * gets the CSV; a member is refused by role; another organisation's id, or
 * no organisation context, answers 404.
 */
type Person = Awaited<ReturnType<typeof createTestUser>>;

async function call(person: Person, activeOrg: string | null, orgId: string, query = '') {
  const token = await sessionToken(person);
  const req = testRequest(`/api/orgs/${orgId}/dashboard/export${query}`, {
    headers: {
      cookie: `${SESSION_COOKIE}=${token}${activeOrg ? `; ${ACCOUNT_COOKIE}=${activeOrg}` : ''}`,
    },
  });
  const res = await GET(req, { params: Promise.resolve({ id: orgId }) });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('GET /api/orgs/{id}/dashboard/export', () => {
  it('gives owners and admins the CSV of the organisation they act for', async () => {
    const owner = await createTestUser();
    const admin = await createTestUser();
    const org = await createOrganization({ userId: owner._id.toString(), name: 'Csv Shop' });
    await Membership.create({
      _id: membershipId(org.id, admin._id.toString()),
      orgId: org.id,
      userId: admin._id,
      role: 'admin',
    });
    const days = await call(owner, org.id, org.id, '?range=7');
    expect(days.status, days.text).toBe(200);
    expect(days.headers.get('content-type')).toContain('text/csv');
    expect(days.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="${org.slug}-days-7d-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const lines = days.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('day,tryons,completed,failed,success_rate,credits_used');
    expect(lines).toHaveLength(8);
    const products = await call(admin, org.id, org.id, '?table=products');
    expect(products.status).toBe(200);
    expect(products.text.split('\r\n')[0]).toBe(
      'sku,tryons,completed,widget_tryon_visitors,widget_added_to_cart',
    );
  });

  it('refuses a member by role, and answers 404 for another organisation or no context', async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const org = await createOrganization({ userId: owner._id.toString(), name: 'Csv Shop B' });
    const other = await createOrganization({ userId: owner._id.toString(), name: 'Csv Shop C' });
    await Membership.create({
      _id: membershipId(org.id, member._id.toString()),
      orgId: org.id,
      userId: member._id,
      role: 'member',
    });
    const asMember = await call(member, org.id, org.id);
    expect(asMember.status).toBe(403);
    expect(JSON.parse(asMember.text)).toMatchObject({
      error: { code: 'organization_role_forbidden' },
    });
    // Owner of both, acting for one: the other's id is not this context's.
    expect((await call(owner, org.id, other.id)).status).toBe(404);
    expect((await call(owner, null, org.id)).status).toBe(404);
    // A stranger naming the organisation in their context is refused before anything is read.
    const stranger = await createTestUser();
    const refused = await call(stranger, org.id, org.id);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toMatchObject({
      error: { code: 'organization_access_revoked' },
    });
  });
});
