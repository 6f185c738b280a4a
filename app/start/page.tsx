import { redirect } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/caller';
import { isAdminRole } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

/**
 * Where sign-in lands when no page was asked for: admins in the admin
 * console (which links to the studio), everyone else in the studio. Decided
 * here with the current role from the database, not the token's.
 */
export default async function StartPage() {
  const caller = await requirePageUser({ returnTo: '/start' });
  redirect(isAdminRole(caller.role) ? '/admin' : '/studio');
}
