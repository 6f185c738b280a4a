import type { Metadata } from 'next';
import Link from 'next/link';
import { getSessionUser } from '@/lib/auth/caller';
import { supportEmail } from '@/lib/env';
import { SupportForm } from './support-form';

export const metadata: Metadata = {
  title: 'Support',
  description:
    'Write to TrailRoom support: questions about your account, credits, photos or the API.',
  alternates: { canonical: '/support' },
};
export const dynamic = 'force-dynamic';

// The support contact: a form that reaches the admins in the app, and the
// address for people who prefer email. Signed in, we answer at the account's
// address; signed out, at the one they give.
export default async function SupportPage() {
  const caller = await getSessionUser();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:py-14">
      <h1 className="text-3xl font-bold text-slate-900">Contact support</h1>
      <p className="mt-3 text-slate-700">
        A question about your account, credits, a try-on, your photos or the API? Write to us here
        and a person on the TrailRoom team reads it — usually within one working day. Prefer email?
        Write to{' '}
        <a
          href={`mailto:${supportEmail}`}
          className="text-brand-700 font-medium break-all underline underline-offset-4"
        >
          {supportEmail}
        </a>
        .
      </p>
      <p className="mt-2 text-sm text-slate-600">
        How we handle what you send is in the{' '}
        <Link href="/privacy" className="text-brand-700 font-medium underline underline-offset-4">
          privacy policy
        </Link>
        .
      </p>
      <div className="mt-8">
        <SupportForm signedInEmail={caller?.email ?? null} />
      </div>
    </div>
  );
}
