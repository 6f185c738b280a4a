import Link from 'next/link';
import { AppNav, type NavItem } from './app-nav';
import { SignOutButton } from './sign-out-button';

export function AppHeader({ items, email }: { items: readonly NavItem[]; email: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex items-center justify-between gap-4">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
            <span aria-hidden className="bg-brand-700 inline-block h-6 w-6 rounded-md" />
            TrailRoom
          </Link>
          <div className="flex items-center gap-2 sm:hidden">
            <SignOutButton />
          </div>
        </div>
        <AppNav items={items} />
        <div className="hidden items-center gap-3 sm:flex">
          <span className="max-w-40 truncate text-sm text-slate-600" title={email}>
            {email}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
