import Link from 'next/link';

export const metadata = { title: 'Not allowed' };

export default function ForbiddenPage() {
  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900">You don’t have access to that page</h1>
      <p className="mt-3 text-slate-700">Your account’s role does not include this area. If you think it should, ask an administrator.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline underline-offset-4">
        Back to the home page
      </Link>
    </div>
  );
}
