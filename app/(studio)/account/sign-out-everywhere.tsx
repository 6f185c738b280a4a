'use client';

import { signOut } from 'next-auth/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { api } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';

/** Ends every session of the account, this browser's too. */
export function SignOutEverywhere() {
  const { run, pending, error } = useApiAction(async () => {
    await api('/api/account/sign-out-everywhere', { method: 'POST' });
    // This browser's token is revoked too; clear its cookie and say what happened.
    await signOut({ callbackUrl: '/signin?notice=signed_out_everywhere' });
  });

  return (
    <Card aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="text-lg font-semibold text-slate-900">
        Sessions
      </h2>
      <p className="mt-2 max-w-2xl text-sm text-slate-700">
        Signed in on a shared or lost device? Sign out everywhere ends every session of this
        account, on every device and browser — including this one. API keys keep working; revoke
        them on the developer page.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          className="h-11"
          onClick={() => void run()}
          disabled={pending}
          aria-busy={pending}
        >
          {pending ? 'Signing out everywhere…' : 'Sign out of every device'}
        </Button>
        {error && <Alert>{error}</Alert>}
      </div>
    </Card>
  );
}
