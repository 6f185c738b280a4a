import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDate } from '@/lib/format';

export interface LegalSection {
  id: string;
  title: string;
  body: ReactNode;
}

/**
 * A trust page (privacy, terms): a title, a short summary, a table of
 * contents and numbered sections in a readable measure. Sections are plain
 * JSX; the typography comes from here so both pages read the same.
 */
export function LegalPage({
  title,
  updated,
  summary,
  sections,
  related,
}: {
  title: string;
  /** ISO date of the last change, shown as "Last updated". */
  updated: string;
  summary: ReactNode;
  sections: LegalSection[];
  related: { href: string; label: string }[];
}) {
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 sm:py-14">
      <header className="flex flex-col gap-3 border-b border-slate-200 pb-6">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{title}</h1>
        <p className="text-sm text-slate-600">
          Last updated <time dateTime={updated}>{formatDate(`${updated}T00:00:00Z`)}</time>
        </p>
        <div className="bg-brand-50 border-brand-100 rounded-xl border p-4 text-base leading-7 text-slate-800 [&_li]:ml-5 [&_li]:list-disc [&_ul]:mt-2 [&_ul]:space-y-1">
          {summary}
        </div>
      </header>

      <nav aria-label="On this page" className="mt-6">
        <h2 className="text-sm font-semibold tracking-wide text-slate-600 uppercase">
          On this page
        </h2>
        <ol className="mt-2 grid gap-x-6 text-sm sm:grid-cols-2">
          {sections.map((s, i) => (
            <li key={s.id}>
              <a
                href={`#${s.id}`}
                className="text-brand-700 inline-flex min-h-11 items-center underline-offset-4 hover:underline"
              >
                {i + 1}. {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <div className="mt-8 flex flex-col gap-10">
        {sections.map((s, i) => (
          <section key={s.id} id={s.id} aria-labelledby={`${s.id}-h`} className="scroll-mt-20">
            <h2 id={`${s.id}-h`} className="text-xl font-semibold text-slate-900">
              {i + 1}. {s.title}
            </h2>
            <div className="[&_a]:text-brand-700 mt-3 flex flex-col gap-3 text-base leading-7 text-slate-700 [&_a]:font-medium [&_a]:underline [&_a]:underline-offset-2 [&_h3]:text-base [&_h3]:font-semibold [&_h3]:text-slate-900 [&_li]:ml-5 [&_li]:list-disc [&_strong]:text-slate-900 [&_ul]:flex [&_ul]:flex-col [&_ul]:gap-1.5">
              {s.body}
            </div>
          </section>
        ))}
      </div>

      <footer className="mt-12 flex flex-wrap gap-x-6 gap-y-2 border-t border-slate-200 pt-6 text-sm">
        {related.map((r) => (
          <Link
            key={r.href}
            href={r.href}
            className="text-brand-700 inline-flex min-h-11 items-center font-medium underline underline-offset-4"
          >
            {r.label}
          </Link>
        ))}
      </footer>
    </article>
  );
}
