import type { Metadata } from 'next';
import { devLoginEnabled, env } from '@/lib/env';
import { SignInClient } from './signin-client';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const ERRORS: Record<string, string> = {
  suspended: 'This account is suspended. Contact support if you think this is a mistake.',
  AccessDenied: 'Sign-in was refused for this account.',
  OAuthCallback: 'Google sign-in was cancelled or failed. Please try again.',
  OAuthSignin: 'Could not start Google sign-in. Please try again.',
  Callback: 'Google sign-in was cancelled or failed. Please try again.',
  unverified_email: 'Your Google account email is not verified.',
  CredentialsSignin: 'That sign-in did not work. Check the email and try again.',
  SessionRequired: 'Please sign in to continue.',
};

function safeCallback(url: string | undefined): string {
  // Only same-site paths: never an open redirect.
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/studio';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const error = sp.error ? (ERRORS[sp.error] ?? 'Sign-in failed. Please try again.') : null;
  return (
    <SignInClient
      callbackUrl={safeCallback(sp.callbackUrl)}
      error={error}
      google={Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET)}
      devLogin={devLoginEnabled}
      devEmails={devLoginEnabled ? [env.SEED_DEMO_EMAIL, env.SEED_ADMIN_EMAIL] : []}
    />
  );
}
