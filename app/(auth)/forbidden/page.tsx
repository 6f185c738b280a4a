import Link from 'next/link';
import { Button } from '@/components/ui/button';

export const metadata = { title: 'Not allowed' };

export default function ForbiddenPage() {
  return (
    <div className="mx-auto max-w-md text-center">
      <p className="text-brand-700 text-sm font-semibold tracking-wide uppercase">
        403 · Not allowed
      </p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">You don’t have access to that page</h1>
      <p className="mt-3 text-slate-700">
        Your account’s role does not include this area. If you think it should, ask a TrailRoom
        administrator.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Button asChild>
          <Link href="/studio">Go to the studio</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/">Home page</Link>
        </Button>
      </div>
    </div>
  );
}
