import type { Metadata } from 'next';
import { devLoginEnabled, env } from '@/lib/env';
import { SignInClient } from './signin-client';

export const metadata: Metadata = {
  title: 'Sign in',
  description: 'Sign in to TrailRoom with Google: three free try-ons every day, no card needed.',
  alternates: { canonical: '/signin' },
};
// Static in production: the query, the sign-in methods and "already signed
// in" are handled in the browser (signin-client.tsx). The development
// sign-in exists only outside production, where every page renders per request.
export const dynamic = 'force-static';

const PERKS = [
  {
    title: '3 free try-ons every day',
    body: 'Topped up each day at midnight UTC. No card needed to start.',
  },
  {
    title: 'Your photos stay yours',
    body: 'Only you can see them. We strip metadata and delete them after 30 days — or whenever you ask.',
  },
  {
    title: 'Leave any time',
    body: 'Sign out of every device or delete your account from your account page.',
  },
] as const;

export default function SignInPage() {
  return (
    <div className="grid overflow-hidden rounded-3xl border border-slate-200 bg-white shadow-sm lg:grid-cols-2">
      <section
        aria-labelledby="why"
        className="from-brand-700 via-brand-800 to-brand-900 relative hidden bg-gradient-to-br p-10 text-white lg:block"
      >
        <p className="text-brand-200 text-sm font-semibold tracking-wide uppercase">
          Virtual fitting room
        </p>
        <h2 id="why" className="mt-3 text-3xl leading-tight font-bold">
          See it on you
          <br />
          before you buy it.
        </h2>
        <ul className="mt-10 space-y-6">
          {PERKS.map((p) => (
            <li key={p.title} className="flex gap-3">
              <span
                aria-hidden
                className="mt-1 flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-white/15 text-xs"
              >
                ✓
              </span>
              <div>
                <p className="font-semibold">{p.title}</p>
                <p className="text-brand-100 mt-1 text-sm">{p.body}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <div className="p-6 sm:p-10">
        <SignInClient
          devEmails={devLoginEnabled ? [env.SEED_DEMO_EMAIL, env.SEED_ADMIN_EMAIL] : []}
        />
      </div>
    </div>
  );
}
