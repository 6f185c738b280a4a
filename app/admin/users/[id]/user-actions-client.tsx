'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { api, useApiAction } from '@/lib/client';
import { suspendUserBody, type Role, type UserStatus } from '@/lib/users/schemas';

const ROLE_OPTIONS: Array<{ value: Role; label: string; hint: string }> = [
  { value: 'user', label: 'User', hint: 'a shopper, no admin access' },
  { value: 'support_admin', label: 'Support admin', hint: 'users, credits, jobs' },
  { value: 'finance_admin', label: 'Finance admin', hint: 'payments, refunds, revenue' },
  { value: 'super_admin', label: 'Super admin', hint: 'everything, prompts, roles' },
];

interface Props {
  userId: string;
  email: string;
  status: UserStatus;
  role: Role;
  canSuspend: boolean;
  canChangeRole: boolean;
  self: boolean;
}

type Feedback = { tone: 'success' | 'error'; text: string } | null;

/** Suspend / lift and role change for one person; suspending asks for confirmation first. */
export function UserActions({
  userId,
  email,
  status,
  role,
  canSuspend,
  canChangeRole,
  self,
}: Props) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [newRole, setNewRole] = useState<Role>(role);
  const [roleReason, setRoleReason] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [, startTransition] = useTransition();
  const suspended = status === 'suspended';
  const post = useApiAction((path: string, json: unknown) =>
    api(`/api/admin/users/${userId}/${path}`, { method: 'POST', json }),
  );

  async function send(path: string, json: unknown, ok: string) {
    setFeedback(null);
    const result = await post.run(path, json);
    if (result === undefined) return false;
    setFeedback({ tone: 'success', text: ok });
    startTransition(() => router.refresh());
    return true;
  }

  async function onStatus(e: FormEvent) {
    e.preventDefault();
    if (suspended) {
      if (await send('unsuspend', reason.trim() ? { reason } : {}, 'Suspension lifted.'))
        setReason('');
      return;
    }
    const parsed = suspendUserBody.safeParse({ reason });
    setReasonError(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'give a reason'));
    if (parsed.success) setConfirming(true);
  }

  async function suspend() {
    setConfirming(false);
    const ok = await send(
      'suspend',
      { reason },
      'Account suspended. It takes effect on their next request.',
    );
    if (ok) setReason('');
  }

  async function onRole(e: FormEvent) {
    e.preventDefault();
    const ok = await send(
      'role',
      roleReason.trim() ? { role: newRole, reason: roleReason } : { role: newRole },
      'Role changed. It takes effect on their next request.',
    );
    if (ok) setRoleReason('');
  }

  if (!canSuspend && !canChangeRole) {
    return (
      <Alert tone="info" className="p-4">
        {self
          ? 'This is your own account: another admin must change it.'
          : 'Your role can view this person but not change them.'}
      </Alert>
    );
  }

  const error = post.error;
  return (
    <div className="space-y-4">
      {error && <Alert>{error}</Alert>}
      {!error && feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <div className="grid gap-6 lg:grid-cols-2">
        {canSuspend && (
          <Card>
            <form onSubmit={onStatus} noValidate className="space-y-3">
              <h2 className="text-lg font-semibold text-slate-900">
                {suspended ? 'Lift suspension' : 'Suspend account'}
              </h2>
              <p className="text-sm text-slate-700">
                {suspended
                  ? 'They can sign in again; their old sessions stay signed out.'
                  : 'They are signed out everywhere, cannot sign in, and every API call of theirs (session or API key) is refused.'}
              </p>
              <Field
                label={`Reason ${suspended ? '(optional)' : '(recorded in the audit log)'}`}
                error={reasonError}
              >
                <Textarea
                  id="status-reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  maxLength={500}
                  rows={2}
                />
              </Field>
              <Button
                type="submit"
                variant={suspended ? 'secondary' : 'danger'}
                disabled={post.pending}
                aria-busy={post.pending}
                className="min-h-11"
              >
                {post.pending ? 'Saving…' : suspended ? 'Lift suspension' : 'Suspend account'}
              </Button>
            </form>
            <ConfirmDialog
              open={confirming}
              onOpenChange={setConfirming}
              title={`Suspend ${email}?`}
              description={
                <>
                  <p>
                    They are signed out everywhere at once, cannot sign in again, and every API call
                    of theirs — session or API key — is refused until an admin lifts the suspension.
                  </p>
                  <p className="rounded-md bg-slate-50 p-2 break-words text-slate-800">
                    Reason: {reason.trim()}
                  </p>
                </>
              }
              action="Suspend now"
              onConfirm={() => void suspend()}
            />
          </Card>
        )}
        {canChangeRole && (
          <Card>
            <form onSubmit={onRole} className="space-y-3">
              <h2 className="text-lg font-semibold text-slate-900">Role</h2>
              <fieldset>
                <legend className="text-sm text-slate-700">
                  What this person may do in TrailRoom
                </legend>
                <div className="mt-2 space-y-1">
                  {ROLE_OPTIONS.map((o) => (
                    <label key={o.value} className="flex min-h-11 items-start gap-2 py-1 text-sm">
                      <input
                        type="radio"
                        name="role"
                        value={o.value}
                        checked={newRole === o.value}
                        onChange={() => setNewRole(o.value)}
                        className="mt-1"
                      />
                      <span>
                        <span className="font-medium text-slate-900">{o.label}</span>{' '}
                        <span className="text-slate-600">— {o.hint}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <Field label="Reason (optional)">
                <Input
                  id="role-reason"
                  value={roleReason}
                  onChange={(e) => setRoleReason(e.target.value)}
                  maxLength={500}
                />
              </Field>
              <Button
                type="submit"
                disabled={post.pending || newRole === role}
                aria-busy={post.pending}
                className="min-h-11"
              >
                {post.pending ? 'Saving…' : 'Change role'}
              </Button>
            </form>
          </Card>
        )}
      </div>
    </div>
  );
}
