'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { api, useApiAction } from '@/lib/client';

/** Suspend an organisation (with a reason, after a confirmation) or lift its suspension. */
export function OrgStatusActions({
  orgId,
  name,
  status,
}: {
  orgId: string;
  name: string;
  status: string;
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const suspended = status === 'suspended';
  const post = useApiAction(
    (action: 'suspend' | 'unsuspend', json: unknown) =>
      api(`/api/admin/organizations/${orgId}/${action}`, { method: 'POST', json }),
    { fallback: 'The change failed.' },
  );

  async function send(action: 'suspend' | 'unsuspend') {
    setDone(null);
    const ok = await post.run(action, reason.trim() ? { reason: reason.trim() } : {});
    if (ok === undefined) return;
    setReason('');
    setDone(
      action === 'suspend'
        ? 'Organisation suspended. Its members’ next requests for it are refused.'
        : 'Suspension lifted.',
    );
    startTransition(() => router.refresh());
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (suspended) {
      void send('unsuspend');
      return;
    }
    if (reason.trim().length < 3) {
      setReasonError('give a reason (at least 3 characters)');
      return;
    }
    setReasonError(null);
    setConfirming(true);
  }

  return (
    <Card>
      <form onSubmit={submit} noValidate className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">
          {suspended ? 'Lift suspension' : 'Suspend organisation'}
        </h2>
        <p className="text-sm text-slate-700">
          {suspended
            ? 'Its members can act for it again, and its keys work again.'
            : 'No one can act for it: members’ requests in its context, its API keys and its publishable keys (the widget) are refused. Its credits and records are kept.'}
        </p>
        <Field
          label={`Reason ${suspended ? '(optional)' : '(recorded in the audit log)'}`}
          error={reasonError}
        >
          <Textarea
            id="org-status-reason"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        {post.error && <Alert>{post.error}</Alert>}
        {!post.error && done && <Alert tone="success">{done}</Alert>}
        <Button
          type="submit"
          variant={suspended ? 'secondary' : 'danger'}
          disabled={post.pending}
          aria-busy={post.pending}
          className="min-h-11"
        >
          {post.pending ? 'Saving…' : suspended ? 'Lift suspension' : 'Suspend organisation'}
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Suspend ${name}?`}
        description={
          <>
            <p>
              Every member’s request for it, its API keys and its storefront widget are refused at
              once, until an admin lifts the suspension.
            </p>
            <p className="rounded-md bg-slate-50 p-2 break-words text-slate-800">
              Reason: {reason.trim()}
            </p>
          </>
        }
        action="Suspend now"
        onConfirm={() => {
          setConfirming(false);
          void send('suspend');
        }}
      />
    </Card>
  );
}
