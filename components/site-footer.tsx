import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between">
        <p>© {new Date().getUTCFullYear()} TrailRoom</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/pricing">Pricing</Link>
          <Link href="/docs">API docs</Link>
        </nav>
      </div>
    </footer>
  );
}
