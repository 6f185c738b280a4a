'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { getProviders, signIn } from 'next-auth/react';
import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { GoogleButton } from '@/components/auth/google-button';
import { useSignedIn } from '@/components/site-header-session';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { signInView } from './sign-in-view';

interface Props {
  /** The seeded accounts, listed only where the development sign-in exists. */
  devEmails: string[];
}

const noSubscribe = () => () => {};

/**
 * The sign-in form. The page is static (the same HTML for everyone): the
 * query (callbackUrl, error, notice) is read here once hydrated, the sign-in
 * methods come from next-auth's provider list, and a visitor who is already
 * signed in goes straight on.
 */
export function SignInClient({ devEmails }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState<'google' | 'dev' | null>(null);
  const [providers, setProviders] = useState<Set<string> | null>(null);
  // Both sign-ins run in the browser (next-auth's CSRF handshake): keep the
  // buttons disabled until hydrated, so an early click never posts a bare form.
  const search = useSyncExternalStore(
    noSubscribe,
    () => window.location.search,
    () => null,
  );
  const hydrated = search !== null;
  const { callbackUrl, message } =
    search === null
      ? { callbackUrl: '/start', message: null }
      : signInView(new URLSearchParams(search), window.location.origin);
  const signedIn = useSignedIn() === 'signed-in';

  useEffect(() => {
    let live = true;
    getProviders()
      .then((p) => live && setProviders(new Set(Object.keys(p ?? {}))))
      .catch(() => live && setProviders(new Set()));
    return () => {
      live = false;
    };
  }, []);

  // Already signed in (and nothing to explain): go straight on.
  useEffect(() => {
    if (signedIn && !message) router.replace(callbackUrl);
  }, [signedIn, message, callbackUrl, router]);

  // Until the list arrives, the usual method (Google) is drawn, disabled.
  const google = providers === null || providers.has('google');
  const devLogin = providers?.has('dev') ?? false;

  async function onDevSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending('dev');
    // Read the field itself: text typed before hydration lives only in the DOM.
    const email = String(new FormData(e.currentTarget).get('email') ?? '').trim();
    await signIn('dev', { email, callbackUrl });
    setPending(null);
  }

  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">Sign in to TrailRoom</h1>
      <p className="mt-2 text-slate-700">
        New here? Signing in creates your account — three free try-ons are waiting.
      </p>

      {message && (
        <div
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={cn(
            'mt-6 rounded-lg border p-4 text-sm',
            message.tone === 'error'
              ? 'border-red-200 bg-red-50 text-red-900'
              : 'border-brand-200 bg-brand-50 text-brand-900',
          )}
        >
          <p className="font-semibold">{message.title}</p>
          <p className="mt-1">{message.body}</p>
          {message.link && (
            <Link
              href={message.link.href}
              className="mt-1 inline-flex min-h-11 items-center font-semibold underline underline-offset-4"
            >
              {message.link.label}
            </Link>
          )}
        </div>
      )}

      <div className="mt-8 space-y-6">
        {google ? (
          <GoogleButton
            disabled={!hydrated || providers === null || pending !== null}
            aria-busy={pending === 'google'}
            onClick={() => {
              setPending('google');
              void signIn('google', { callbackUrl });
            }}
          >
            {pending === 'google' ? 'Opening Google…' : 'Sign in with Google'}
          </GoogleButton>
        ) : (
          !devLogin && (
            <p className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
              Google sign-in is not configured on this server yet.
            </p>
          )
        )}

        {google && devLogin && (
          <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden>
            <span className="h-px flex-1 bg-slate-200" />
            or, on this development server
            <span className="h-px flex-1 bg-slate-200" />
          </div>
        )}

        {devLogin && (
          <form
            onSubmit={onDevSubmit}
            className="space-y-3 rounded-xl border border-dashed border-amber-400 bg-amber-50 p-4"
            aria-labelledby="dev-title"
          >
            <div className="flex items-center gap-2">
              <span className="rounded bg-amber-200 px-1.5 py-0.5 text-[11px] font-bold tracking-wide text-amber-950 uppercase">
                Dev only
              </span>
              <p id="dev-title" className="text-sm font-semibold text-amber-950">
                Development sign-in
              </p>
            </div>
            <p className="text-xs text-amber-900">
              Email only, no password. Only on a local development server, never in production.
            </p>
            <label htmlFor="dev-email" className="block text-sm font-medium text-slate-800">
              Email
            </label>
            <input
              id="dev-email"
              name="email"
              type="email"
              required
              autoComplete="email"
              defaultValue={devEmails[0] ?? ''}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900"
            />
            {devEmails.length > 0 && (
              <p className="text-xs text-slate-700">Seeded accounts: {devEmails.join(', ')}</p>
            )}
            <Button
              type="submit"
              variant="secondary"
              className="w-full"
              disabled={!hydrated || pending !== null}
            >
              {pending === 'dev' ? 'Signing in…' : 'Sign in with email'}
            </Button>
          </form>
        )}
      </div>

      <p className="mt-8 text-xs text-slate-600">
        By signing in you agree to the{' '}
        <Link href="/terms" className="text-brand-700 font-medium underline underline-offset-2">
          terms
        </Link>{' '}
        and to use TrailRoom only with photos you have the right to use. How we handle your photos:
        the{' '}
        <Link href="/privacy" className="text-brand-700 font-medium underline underline-offset-2">
          privacy policy
        </Link>
        .
      </p>
    </div>
  );
}
