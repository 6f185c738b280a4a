import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/caller';
import { getUserOrThrow } from '@/lib/users';
import { Card } from '@/components/ui/card';
import { AccountActions } from './account-client';
import { formatUtc } from '@/lib/format';
import { getAccountSpendCap } from '@/lib/caps';
import { SpendCapCard } from '@/components/credits/spend-cap-card';

export const metadata: Metadata = { title: 'Account' };
export const dynamic = 'force-dynamic';

const PROVIDERS: Record<string, string> = {
  google: 'Google',
  dev: 'Development sign-in (email only)',
  seed: 'Seeded account (development sign-in)',
};

const ROLE_LABELS: Record<string, string> = {
  user: 'Shopper',
  support_admin: 'Support admin',
  finance_admin: 'Finance admin',
  super_admin: 'Super admin',
};

function initials(name: string | undefined, email: string): string {
  const source = name?.trim() || email;
  return source
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

export default async function AccountPage() {
  const caller = await requirePageUser({ returnTo: '/account' });
  const user = await getUserOrThrow(caller.userId);
  const provider = PROVIDERS[user.provider ?? ''] ?? user.provider ?? 'Unknown';

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Account</h1>
        <p className="mt-1 text-slate-700">
          Your profile, how you sign in, and control over your data.
        </p>
      </div>

      <Card aria-labelledby="profile-title">
        <h2 id="profile-title" className="text-lg font-semibold text-slate-900">
          Profile
        </h2>
        <div className="mt-4 flex flex-col gap-6 sm:flex-row sm:items-center">
          {user.image ? (
            // Google avatars are remote and tiny; a plain img keeps CSP and config simple.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={user.image}
              alt=""
              referrerPolicy="no-referrer"
              className="h-16 w-16 rounded-full object-cover"
            />
          ) : (
            <span
              aria-hidden
              className="bg-brand-100 text-brand-800 flex h-16 w-16 items-center justify-center rounded-full text-xl font-semibold"
            >
              {initials(user.name ?? undefined, user.email)}
            </span>
          )}
          <dl className="grid flex-1 gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-600">Name</dt>
              <dd className="font-medium text-slate-900">{user.name || '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Email</dt>
              <dd className="font-medium break-all text-slate-900">{user.email}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Role</dt>
              <dd className="font-medium text-slate-900">{ROLE_LABELS[user.role] ?? user.role}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Member since</dt>
              <dd className="font-medium text-slate-900">
                {formatUtc(user.createdAt, { long: true })}
              </dd>
            </div>
          </dl>
        </div>
      </Card>

      <Card aria-labelledby="signin-title">
        <h2 id="signin-title" className="text-lg font-semibold text-slate-900">
          Sign-in
        </h2>
        <dl className="mt-4 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">Connected provider</dt>
            <dd className="font-medium text-slate-900" data-testid="connected-provider">
              {provider}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Last sign-in</dt>
            <dd className="font-medium text-slate-900">
              {formatUtc(user.lastLoginAt, { long: true })}
            </dd>
          </div>
        </dl>
      </Card>

      {/* The person's own account; an organisation's cap is in its settings. */}
      {caller.account.type === 'user' && (
        <SpendCapCard initial={await getAccountSpendCap(caller.ownerId)} />
      )}

      <AccountActions email={user.email} />
    </div>
  );
}
