import Link from 'next/link';
import { AccountSwitcher, type AccountSwitcherProps } from '@/components/orgs/account-switcher';
import { AppNav, type NavItem } from './app-nav';
import { SignOutButton } from './sign-out-button';

export function AppHeader({
  items,
  email,
  account,
}: {
  items: readonly NavItem[];
  email: string;
  /** The account switcher (personal ↔ organisations); absent where it does not apply (admin). */
  account?: AccountSwitcherProps;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="order-1 flex items-center justify-between gap-4">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
            <span aria-hidden className="bg-brand-700 inline-block h-6 w-6 rounded-md" />
            TrailRoom
          </Link>
          <div className="flex items-center gap-2 sm:hidden">
            <SignOutButton />
          </div>
        </div>
        {account && (
          <div className="order-2 sm:order-3 sm:ml-auto">
            <AccountSwitcher {...account} />
          </div>
        )}
        <div className="order-3 sm:order-2">
          <AppNav items={items} />
        </div>
        <div className="order-4 hidden items-center gap-3 sm:flex">
          <span className="max-w-40 truncate text-sm text-slate-600" title={email}>
            {email}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
