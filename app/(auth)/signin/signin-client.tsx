'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';

interface Props {
  callbackUrl: string;
  error: string | null;
  google: boolean;
  devLogin: boolean;
  devEmails: string[];
}

export function SignInClient({ callbackUrl, error, google, devLogin, devEmails }: Props) {
  const [email, setEmail] = useState(devEmails[0] ?? '');
  const [pending, setPending] = useState<'google' | 'dev' | null>(null);

  async function onDevSubmit(e: FormEvent) {
    e.preventDefault();
    setPending('dev');
    await signIn('dev', { email, callbackUrl });
    setPending(null);
  }

  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900">Sign in to TrailRoom</h1>
      <p className="mt-2 text-slate-700">Three free try-ons every day. No card needed.</p>
      {error && (
        <p role="alert" className="mt-6 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="mt-8 space-y-6">
        {google ? (
          <Button
            size="lg"
            className="w-full"
            disabled={pending !== null}
            onClick={() => {
              setPending('google');
              void signIn('google', { callbackUrl });
            }}
          >
            {pending === 'google' ? 'Redirecting to Google…' : 'Continue with Google'}
          </Button>
        ) : (
          !devLogin && <p className="text-sm text-slate-600">Google sign-in is not configured on this server.</p>
        )}
        {devLogin && (
          <form onSubmit={onDevSubmit} className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4">
            <p className="text-sm font-medium text-amber-900">Development sign-in (never available in production)</p>
            <label htmlFor="dev-email" className="block text-sm font-medium text-slate-800">
              Email
            </label>
            <input
              id="dev-email"
              name="email"
              type="email"
              required
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              className="block w-full rounded-md border border-slate-300 px-3 py-2"
            />
            {devEmails.length > 0 && (
              <p className="text-xs text-slate-700">Seeded accounts: {devEmails.join(', ')}</p>
            )}
            <Button type="submit" variant="secondary" className="w-full" disabled={pending !== null}>
              {pending === 'dev' ? 'Signing in…' : 'Sign in with email'}
            </Button>
          </form>
        )}
      </div>
    </div>
  );
}
