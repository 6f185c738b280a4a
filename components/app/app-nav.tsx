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

/** Primary navigation of the signed-in areas; marks the current page for screen readers. */
export function AppNav({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Account" className="-mx-1 flex flex-wrap gap-1">
      {items.map((item) => {
        const active =
          pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap',
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
