import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The top of an admin page: an optional back link, the title (with badges
 * beside it), a line of help and actions. Detail and list pages share it.
 */
export function PageHeader({
  title,
  description,
  back,
  badges,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  back?: { href: string; label: string };
  badges?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="space-y-2">
      {back && (
        <Link
          href={back.href}
          className="text-brand-700 inline-flex min-h-11 items-center text-sm font-medium underline underline-offset-2"
        >
          ← {back.label}
        </Link>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 text-2xl font-bold break-words text-slate-900 sm:text-3xl">
          {title}
        </h1>
        {badges}
        {actions && <div className="ml-auto flex flex-wrap gap-2">{actions}</div>}
      </div>
      {description && <div className="max-w-3xl text-slate-700">{description}</div>}
    </div>
  );
}

/** A detail page: header, then its sections with even spacing. */
export function DetailLayout({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-6">
      {header}
      {children}
    </div>
  );
}

/** Links from one record to related filtered lists (a person's jobs, payments, ledger). */
export function RelatedLinks({
  label,
  links,
}: {
  label: string;
  links: ReadonlyArray<{ href: string; label: string }>;
}) {
  if (links.length === 0) return null;
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-900 hover:bg-slate-50"
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
