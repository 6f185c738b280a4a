import type { ReactNode } from 'react';
import { cn } from './cn';

export interface Column {
  label: ReactNode;
  align?: 'left' | 'right';
  /** Read by screen readers only (e.g. an actions column). */
  srOnly?: boolean;
}

/**
 * The one table frame of the product: scrolls sideways on small screens,
 * names itself through a (visually hidden) caption, and draws the header row
 * from `columns`. Rows are the caller's `<tr>` elements.
 */
export function DataTable({
  caption,
  columns,
  children,
  className,
}: {
  caption: string;
  columns: readonly Column[];
  children: ReactNode;
  /** Extra classes for the <table>, e.g. a minimum width. */
  className?: string;
}) {
  return (
    // relative: the visually hidden caption and headers are positioned inside the scroller,
    // not at the page edge (they widened a phone page to 514 px).
    <div className="relative overflow-x-auto rounded-xl border border-slate-200">
      <table className={cn('min-w-full divide-y divide-slate-200 text-left text-sm', className)}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {columns.map((c, i) => (
              <th
                key={i}
                scope="col"
                className={cn('px-4 py-2', c.align === 'right' && 'text-right')}
              >
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>
      </table>
    </div>
  );
}
