import type { Metadata } from 'next';
import { AppHeader } from '@/components/app/app-header';
import { signedInNav } from '@/components/app/signed-in-nav';
import { SiteFooter } from '@/components/site-footer';
import { Card } from '@/components/ui/card';
import { requirePageUser } from '@/lib/auth/caller';
import { isAdminRole } from '@/lib/auth/roles';
import { AcceptInvite } from './accept-invite';

export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

// An invitation link: the person signs in first (middleware), then accepts here.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const caller = await requirePageUser({ returnTo: `/invite/${encodeURIComponent(token)}` });
  return (
    <>
      <AppHeader items={signedInNav(isAdminRole(caller.role))} email={caller.email} />
      <main id="main" className="mx-auto max-w-xl px-4 py-10">
        <Card className="space-y-4">
          <h1 className="text-2xl font-bold text-slate-900">Join an organisation</h1>
          <AcceptInvite token={token} email={caller.email} />
        </Card>
      </main>
      <SiteFooter />
    </>
  );
}
