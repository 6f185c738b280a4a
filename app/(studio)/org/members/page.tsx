import type { Metadata } from 'next';
import { InvitesPanel } from '@/components/orgs/invites-panel';
import { MembersTable } from '@/components/orgs/members-table';
import type { InviteView, MemberView } from '@/components/orgs/types';
import { Card } from '@/components/ui/card';
import { requirePageUser } from '@/lib/auth/caller';
import { can, listInvites, listMembers } from '@/lib/orgs';
import { OrgPageFrame } from '../org-page-frame';

export const metadata: Metadata = { title: 'Members · Organisation' };
export const dynamic = 'force-dynamic';

/** The active organisation's members and invitations. */
export default async function OrgMembersPage() {
  const caller = await requirePageUser({ returnTo: '/org/members' });
  return (
    <OrgPageFrame caller={caller} title="Members" what="members">
      {async (account) => {
        const manage = can(account.role, 'members:manage');
        const [members, invites] = await Promise.all([
          listMembers(account.orgId, caller.userId),
          manage ? listInvites(account.orgId, caller.userId) : Promise.resolve([]),
        ]);
        const memberViews: MemberView[] = members.map((m) => ({
          userId: m.user_id,
          email: m.email,
          name: m.name ?? null,
          role: m.role,
          joinedAt: m.joined_at,
        }));
        const inviteViews: InviteView[] = invites.map((i) => ({
          id: i.id,
          role: i.role,
          email: i.email ?? null,
          createdAt: i.created_at,
          expiresAt: i.expires_at,
        }));
        return (
          <div className="space-y-8">
            <section aria-labelledby="members-heading" className="space-y-3">
              <h2 id="members-heading" className="text-lg font-semibold text-slate-900">
                People ({memberViews.length})
              </h2>
              <MembersTable
                orgId={account.orgId}
                orgName={account.name}
                meId={caller.userId}
                myRole={manage ? account.role : 'member'}
                members={memberViews}
              />
            </section>
            {manage ? (
              <Card>
                <InvitesPanel orgId={account.orgId} myRole={account.role} invites={inviteViews} />
              </Card>
            ) : (
              <p className="text-sm text-slate-600">
                Owners and admins invite people and change roles.
              </p>
            )}
          </div>
        );
      }}
    </OrgPageFrame>
  );
}
