'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { api } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';

function SignOutEverywhere() {
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
          onClick={() => void run()}
          disabled={pending}
          aria-busy={pending}
        >
          {pending ? 'Signing out everywhere…' : 'Sign out of every device'}
        </Button>
        {error && (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        )}
      </div>
    </Card>
  );
}

function DeleteAccount({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const { run, pending, error, setError } = useApiAction(async (confirmEmail: string) => {
    await api('/api/account', { method: 'DELETE', json: { confirm_email: confirmEmail } });
    await signOut({ callbackUrl: '/signin?notice=account_deleted' });
  });
  const matches = typed.trim().toLowerCase() === email.toLowerCase();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (matches) void run(typed.trim());
  }

  return (
    <Card aria-labelledby="delete-title" className="border-red-200">
      <h2 id="delete-title" className="text-lg font-semibold text-red-900">
        Delete account
      </h2>
      <p className="mt-2 max-w-2xl text-sm text-slate-700">
        Permanently deletes your try-ons, photos, API keys and webhooks, and removes your name,
        email and picture. Payment and credit records are kept for accounting, without anything that
        identifies you. This cannot be undone.
      </p>
      <AlertDialog.Root
        open={open}
        onOpenChange={(next) => {
          if (pending) return;
          setOpen(next);
          if (!next) {
            setTyped('');
            setError(null);
          }
        }}
      >
        <AlertDialog.Trigger asChild>
          <Button variant="danger" className="mt-4">
            Delete my account…
          </Button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6 shadow-xl focus:outline-none">
            <AlertDialog.Title className="text-lg font-semibold text-slate-900">
              Delete your TrailRoom account?
            </AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="mt-2 space-y-2 text-sm text-slate-700">
                <p>This permanently deletes:</p>
                <ul className="list-disc space-y-1 pl-5">
                  <li>all your try-ons and the photos you uploaded</li>
                  <li>your API keys and webhook endpoints</li>
                  <li>your name, email and picture</li>
                </ul>
                <p>Remaining credits are lost. Payment records stay for accounting, anonymised.</p>
              </div>
            </AlertDialog.Description>
            <form onSubmit={onSubmit} className="mt-4 space-y-3">
              <label htmlFor="confirm-email" className="block text-sm font-medium text-slate-800">
                Type <span className="font-semibold break-all">{email}</span> to confirm
              </label>
              <Input
                id="confirm-email"
                type="email"
                autoComplete="off"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                className="mt-0 text-base"
              />
              {error && (
                <p role="alert" className="text-sm text-red-800">
                  {error}
                </p>
              )}
              <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
                <AlertDialog.Cancel asChild>
                  <Button variant="secondary" type="button" disabled={pending}>
                    Keep my account
                  </Button>
                </AlertDialog.Cancel>
                <Button
                  variant="danger"
                  type="submit"
                  disabled={!matches || pending}
                  aria-busy={pending}
                >
                  {pending ? 'Deleting…' : 'Delete account permanently'}
                </Button>
              </div>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </Card>
  );
}

export function AccountActions({ email }: { email: string }) {
  return (
    <>
      <SignOutEverywhere />
      <DeleteAccount email={email} />
    </>
  );
}
