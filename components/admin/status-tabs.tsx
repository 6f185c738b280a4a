import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { formatCount } from '@/lib/format';

export interface StatusTab {
  label: string;
  count: number;
  href: string;
  active: boolean;
  /** Drawn in amber while it has entries and is not selected (e.g. stuck jobs). */
  warn?: boolean;
}

/** Counts per status above a list, each a link to the list filtered by it. */
export function StatusTabs({ label, tabs }: { label: string; tabs: readonly StatusTab[] }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2">
        {tabs.map((t) => (
          <li key={t.label}>
            <Link
              href={t.href}
              aria-current={t.active ? 'page' : undefined}
              className={cn(
                'inline-flex min-h-11 items-center gap-2 rounded-full border px-3 text-sm font-medium capitalize',
                t.active
                  ? 'border-slate-900 bg-slate-900 text-white'
                  : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
                t.warn && t.count > 0 && !t.active && 'border-amber-400 bg-amber-50 text-amber-900',
              )}
            >
              {t.label}
              <span className="tabular-nums">{formatCount(t.count)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
