'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

export interface NavItem {
  href: string;
  label: string;
  /** Active only on this exact path (for a section's index page). */
  exact?: boolean;
}

/**
 * Navigation of the signed-in areas (the header's, or a section's tabs);
 * marks the current page for screen readers.
 */
export function AppNav({
  items,
  label = 'Account',
  variant = 'header',
}: {
  items: readonly NavItem[];
  label?: string;
  variant?: 'header' | 'tabs';
}) {
  const pathname = usePathname();
  return (
    <nav
      aria-label={label}
      className={cn(
        'flex flex-wrap gap-1',
        variant === 'tabs' ? 'border-b border-slate-200 pb-2' : '-mx-1',
      )}
    >
      {items.map((item) => {
        const active =
          pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'inline-flex items-center rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap max-sm:min-h-11',
              active
                ? 'bg-brand-50 text-brand-800'
                : 'text-slate-700 hover:bg-slate-100 hover:text-slate-950',
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
