import Link from 'next/link';
import { Button } from '@/components/ui/button';

// A try-on id that is not the caller's (someone else's, deleted, or mistyped).
export default function TryonNotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center">
      <p className="text-brand-700 text-sm font-semibold tracking-wide uppercase">404</p>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Try-on not found</h1>
      <p className="text-slate-600">
        It may have been deleted, or the link is for another account. Your try-ons are all in your
        history.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <Button asChild className="min-h-11">
          <Link href="/history">Open history</Link>
        </Button>
        <Button asChild variant="secondary" className="min-h-11">
          <Link href="/studio">New try-on</Link>
        </Button>
      </div>
    </div>
  );
}
