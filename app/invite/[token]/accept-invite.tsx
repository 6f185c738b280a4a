'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ApiError, api, useApiAction } from '@/lib/client';

interface Accepted {
  organization?: { id: string; name?: string };
  org_id?: string;
}

/** Why a link cannot be used, in words (the route's error codes). */
function explain(
  err: unknown,
  email: string,
): { title: string; text: string; wrongAccount: boolean } | null {
  if (!(err instanceof ApiError)) return null;
  if (err.code === 'invite_invalid')
    return {
      title: 'This invitation can no longer be used',
      text: 'It has expired, was revoked, or was already used. Ask the person who invited you for a new link.',
      wrongAccount: false,
    };
  if (err.code === 'invite_wrong_account')
    return {
      title: 'This invitation is for someone else',
      text: `You are signed in as ${email}, but the link was made for another email address. Sign in with that address, then open the link again.`,
      wrongAccount: true,
    };
  if (err.code === 'not_found')
    return {
      title: 'This invitation link is not valid',
      text: 'Check that you copied the whole link, or ask for a new one.',
      wrongAccount: false,
    };
  return null;
}

/** Accepts the invitation, makes the organisation the active account and opens it. */
export function AcceptInvite({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const accept = useApiAction(
    async () => {
      const res = await api<Accepted>('/api/invites/accept', { method: 'POST', json: { token } });
      const orgId = res.organization?.id ?? res.org_id;
      if (orgId) await api('/api/account/context', { method: 'POST', json: { org_id: orgId } });
      return res;
    },
    { fallback: 'Could not accept the invitation.' },
  );
  const problem = explain(accept.failure, email);

  async function run() {
    const ok = await accept.run();
    if (ok === undefined) return;
    router.push('/studio');
    router.refresh();
  }

  if (problem)
    return (
      <div className="space-y-4" data-testid="invite-problem">
        <h2 className="text-lg font-semibold text-slate-900">{problem.title}</h2>
        <Alert>{problem.text}</Alert>
        <div className="flex flex-wrap gap-3">
          {problem.wrongAccount && (
            <Button
              variant="secondary"
              className="min-h-11"
              onClick={() => void signOut({ callbackUrl: `/invite/${token}` })}
            >
              Sign in with another account
            </Button>
          )}
          <Button asChild variant="secondary" className="min-h-11">
            <Link href="/studio">Go to the studio</Link>
          </Button>
        </div>
      </div>
    );

  return (
    <div className="space-y-4">
      <p className="text-slate-700">
        You are signed in as <strong className="break-all">{email}</strong>. Accepting adds you to
        the organisation; you can switch between it and your personal account in the header.
      </p>
      {accept.error && <Alert>{accept.error}</Alert>}
      <Button
        onClick={() => void run()}
        disabled={accept.pending}
        aria-busy={accept.pending}
        className="min-h-11"
      >
        {accept.pending ? 'Joining…' : 'Accept invitation'}
      </Button>
    </div>
  );
}
