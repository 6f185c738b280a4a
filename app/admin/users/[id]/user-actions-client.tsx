'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { Role, UserStatus } from '@/lib/users/schemas';

const ROLE_OPTIONS: Array<{ value: Role; label: string; hint: string }> = [
  { value: 'user', label: 'User', hint: 'a shopper, no admin access' },
  { value: 'support_admin', label: 'Support admin', hint: 'users, credits, jobs' },
  { value: 'finance_admin', label: 'Finance admin', hint: 'payments, refunds, revenue' },
  { value: 'super_admin', label: 'Super admin', hint: 'everything, prompts, roles' },
];

interface Props {
  userId: string;
  status: UserStatus;
  role: Role;
  canSuspend: boolean;
  canChangeRole: boolean;
  self: boolean;
}

type Feedback = { tone: 'ok' | 'error'; text: string } | null;

async function post(url: string, body: unknown): Promise<string | null> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.ok) return null;
  const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return data?.error?.message ?? `Request failed (${res.status})`;
}

export function UserActions({ userId, status, role, canSuspend, canChangeRole, self }: Props) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [newRole, setNewRole] = useState<Role>(role);
  const [roleReason, setRoleReason] = useState('');
  const [busy, setBusy] = useState<'status' | 'role' | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [, startTransition] = useTransition();
  const suspended = status === 'suspended';

  async function onStatus(e: FormEvent) {
    e.preventDefault();
    setBusy('status');
    setFeedback(null);
    const error = await post(
      `/api/admin/users/${userId}/${suspended ? 'unsuspend' : 'suspend'}`,
      suspended && !reason.trim() ? {} : { reason },
    );
    setBusy(null);
    if (error) return setFeedback({ tone: 'error', text: error });
    setReason('');
    setFeedback({
      tone: 'ok',
      text: suspended
        ? 'Suspension lifted.'
        : 'Account suspended. It takes effect on their next request.',
    });
    startTransition(() => router.refresh());
  }

  async function onRole(e: FormEvent) {
    e.preventDefault();
    setBusy('role');
    setFeedback(null);
    const error = await post(
      `/api/admin/users/${userId}/role`,
      roleReason.trim() ? { role: newRole, reason: roleReason } : { role: newRole },
    );
    setBusy(null);
    if (error) return setFeedback({ tone: 'error', text: error });
    setRoleReason('');
    setFeedback({ tone: 'ok', text: 'Role changed. It takes effect on their next request.' });
    startTransition(() => router.refresh());
  }

  if (!canSuspend && !canChangeRole) {
    return (
      <p className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
        {self
          ? 'This is your own account: another admin must change it.'
          : 'Your role can view this person but not change them.'}
      </p>
    );
  }

  const input =
    'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900';
  return (
    <div className="space-y-4">
      {feedback && (
        <p
          role={feedback.tone === 'error' ? 'alert' : 'status'}
          className={
            feedback.tone === 'error'
              ? 'rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900'
              : 'rounded-lg border border-green-200 bg-green-50 p-3 text-sm text-green-900'
          }
        >
          {feedback.text}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        {canSuspend && (
          <Card>
            <form onSubmit={onStatus} className="space-y-3">
              <h2 className="text-lg font-semibold text-slate-900">
                {suspended ? 'Lift suspension' : 'Suspend account'}
              </h2>
              <p className="text-sm text-slate-700">
                {suspended
                  ? 'They can sign in again; their old sessions stay signed out.'
                  : 'They are signed out everywhere, cannot sign in, and every API call of theirs (session or API key) is refused.'}
              </p>
              <div>
                <label htmlFor="status-reason" className="block text-sm font-medium text-slate-800">
                  Reason {suspended ? '(optional)' : '(recorded in the audit log)'}
                </label>
                <textarea
                  id="status-reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  required={!suspended}
                  minLength={suspended ? undefined : 3}
                  maxLength={500}
                  rows={2}
                  className={input}
                />
              </div>
              <Button
                type="submit"
                variant={suspended ? 'secondary' : 'danger'}
                disabled={busy !== null}
                aria-busy={busy === 'status'}
              >
                {busy === 'status' ? 'Saving…' : suspended ? 'Lift suspension' : 'Suspend account'}
              </Button>
            </form>
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
                <div className="mt-2 space-y-2">
                  {ROLE_OPTIONS.map((o) => (
                    <label key={o.value} className="flex items-start gap-2 text-sm">
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
              <div>
                <label htmlFor="role-reason" className="block text-sm font-medium text-slate-800">
                  Reason (optional)
                </label>
                <input
                  id="role-reason"
                  value={roleReason}
                  onChange={(e) => setRoleReason(e.target.value)}
                  maxLength={500}
                  className={input}
                />
              </div>
              <Button
                type="submit"
                disabled={busy !== null || newRole === role}
                aria-busy={busy === 'role'}
              >
                {busy === 'role' ? 'Saving…' : 'Change role'}
              </Button>
            </form>
          </Card>
        )}
      </div>
    </div>
  );
}
