'use client';

import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { api } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';
import { deleteAccountBody } from '@/lib/users/schemas';

/** Account deletion, confirmed by typing the account's email (the route checks it again). */
export function DeleteAccount({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const { run, pending, error, setError } = useApiAction(async (confirmEmail: string) => {
    await api('/api/account', { method: 'DELETE', json: { confirm_email: confirmEmail } });
    await signOut({ callbackUrl: '/signin?notice=account_deleted' });
  });
  // The route's own schema, plus the check it makes: the email is this account's.
  const parsed = deleteAccountBody.safeParse({ confirm_email: typed });
  const matches = parsed.success && parsed.data.confirm_email.toLowerCase() === email.toLowerCase();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (matches) void run(parsed.data.confirm_email);
  }

  return (
    <Card aria-labelledby="delete-title" className="border-red-200">
      <h2 id="delete-title" className="text-lg font-semibold text-red-900">
        Delete account
      </h2>
      <p className="mt-2 max-w-2xl text-sm text-slate-700">
        Permanently deletes your try-ons, photos, API keys and webhooks, and removes your name,
        email and picture. Payment and credit records are kept for accounting, without anything that
        identifies you. This cannot be undone. You can download your data first.
      </p>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          if (pending) return;
          setOpen(next);
          if (!next) {
            setTyped('');
            setError(null);
          }
        }}
        trigger={
          <Button variant="danger" className="mt-4 h-11">
            Delete my account…
          </Button>
        }
        title="Delete your TrailRoom account?"
        description={
          <>
            <p>This permanently deletes:</p>
            <ul className="list-disc space-y-1 pl-5">
              <li>all your try-ons and the photos you uploaded</li>
              <li>your API keys and webhook endpoints</li>
              <li>your name, email and picture</li>
            </ul>
            <p>Remaining credits are lost. Payment records stay for accounting, anonymised.</p>
          </>
        }
        cancel="Keep my account"
        action={
          <Button
            variant="danger"
            type="submit"
            form="delete-account-form"
            disabled={!matches || pending}
            aria-busy={pending}
          >
            {pending ? 'Deleting…' : 'Delete account permanently'}
          </Button>
        }
      >
        <form id="delete-account-form" onSubmit={onSubmit} className="mt-4 space-y-3">
          <Field
            label={
              <>
                Type <span className="font-semibold break-all">{email}</span> to confirm
              </>
            }
          >
            <Input
              type="email"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              className="text-base"
            />
          </Field>
          {error && <Alert>{error}</Alert>}
        </form>
      </ConfirmDialog>
    </Card>
  );
}
