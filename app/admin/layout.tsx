import type { ReactNode } from 'react';
import Link from 'next/link';
import { AppHeader } from '@/components/app/app-header';
import { ADMIN_NAV } from '@/lib/admin';
import { requireAdminPage } from '@/lib/auth/caller';
import { can } from '@/lib/auth/roles';

// The admin area. Middleware sends anonymous visitors to sign-in; this layout
// checks the current role from the database (any admin role), and each page
// checks its own permission again.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const caller = await requireAdminPage('/admin');
  const items = ADMIN_NAV.filter((item) => !item.permission || can(caller.role, item.permission));
  return (
    <>
      <div className="bg-slate-900 px-4 py-1.5 text-center text-xs font-medium text-slate-100">
        Admin area · signed in as {caller.role.replace('_', ' ')} · every action is recorded in the
        audit log ·{' '}
        <Link href="/studio" className="underline underline-offset-2 hover:text-white">
          Back to the studio
        </Link>
      </div>
      <AppHeader items={items} email={caller.email} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
