'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { api, useApiAction } from '@/lib/client';
import { formatDateTime } from '@/lib/format';
import { ORG_ROLE_LABELS, type InviteView, type OrgRoleName } from './types';

interface CreatedInvite {
  url?: string;
  token?: string;
}

/**
 * Invitations by link: choose a role (and optionally the one email address
 * allowed to accept), get the link once, copy it; pending links are listed
 * with their expiry and can be revoked.
 */
export function InvitesPanel({
  orgId,
  myRole,
  invites,
}: {
  orgId: string;
  myRole: OrgRoleName;
  invites: readonly InviteView[];
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [role, setRole] = useState<OrgRoleName>('member');
  const [email, setEmail] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<InviteView | null>(null);
  const create = useApiAction(
    (body: { role: OrgRoleName; email?: string }) =>
      api<CreatedInvite>(`/api/orgs/${orgId}/invites`, { method: 'POST', json: body }),
    { fallback: 'Could not create the invitation.' },
  );
  const revoke = useApiAction(
    (id: string) => api(`/api/orgs/${orgId}/invites/${id}`, { method: 'DELETE' }),
    { fallback: 'Could not revoke the invitation.' },
  );
  const roles: OrgRoleName[] =
    myRole === 'owner' ? ['member', 'admin', 'owner'] : ['member', 'admin'];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setLink(null);
    setCopied(false);
    const trimmed = email.trim();
    const made = await create.run({ role, ...(trimmed ? { email: trimmed } : {}) });
    if (!made) return;
    const url =
      made.url ??
      (made.token ? new URL(`/invite/${made.token}`, window.location.origin).href : null);
    setLink(url);
    setEmail('');
    startTransition(() => router.refresh());
  }

  async function confirmRevoke() {
    const inv = revoking;
    setRevoking(null);
    if (!inv) return;
    const ok = await revoke.run(inv.id);
    if (ok !== undefined) startTransition(() => router.refresh());
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate className="space-y-3" aria-labelledby="invite-heading">
        <h3 id="invite-heading" className="font-semibold text-slate-900">
          Invite someone
        </h3>
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Role" className="w-40">
            <Select
              id="invite-role"
              value={role}
              onChange={(e) => setRole(e.target.value as OrgRoleName)}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ORG_ROLE_LABELS[r].label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Only for this email (optional)" className="min-w-0 flex-1 basis-56">
            <Input
              id="invite-email"
              type="email"
              autoComplete="off"
              value={email}
              maxLength={320}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <Button
            type="submit"
            disabled={create.pending}
            aria-busy={create.pending}
            className="min-h-11"
          >
            {create.pending ? 'Creating…' : 'Create invite link'}
          </Button>
        </div>
        <p className="text-xs text-slate-600">
          {ORG_ROLE_LABELS[role].label}: {ORG_ROLE_LABELS[role].hint}. Links work once and expire
          after 7 days; the person signs in (or signs up) to accept.
        </p>
        {create.error && <Alert>{create.error}</Alert>}
      </form>

      {link && (
        <div
          className="space-y-2 rounded-lg border border-green-200 bg-green-50 p-3"
          data-testid="invite-link"
        >
          <p className="text-sm text-green-900" role="status">
            Invite link created. Copy it now: it is shown only once.
          </p>
          <div className="flex flex-wrap gap-2">
            <label htmlFor="invite-link-value" className="sr-only">
              Invite link
            </label>
            <Input
              id="invite-link-value"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              className="mt-0 min-w-0 flex-1 basis-64 font-mono text-xs"
            />
            <Button
              type="button"
              variant="secondary"
              className="min-h-11 sm:min-h-10"
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(link)
                  .then(() => setCopied(true))
                  .catch(() => setCopied(false))
              }
            >
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          </div>
        </div>
      )}

      <div className="space-y-2">
        <h3 className="font-semibold text-slate-900">Pending invitations</h3>
        {revoke.error && <Alert>{revoke.error}</Alert>}
        {invites.length === 0 ? (
          <EmptyState title="No pending invitations.">
            Links that were used, revoked or expired are not listed.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {invites.map((inv) => (
              <li
                key={inv.id}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-2"
                data-testid="pending-invite"
              >
                <span className="min-w-0 text-sm">
                  <span className="font-medium text-slate-900">
                    {ORG_ROLE_LABELS[inv.role].label}
                  </span>
                  <span className="text-slate-700">
                    {inv.email ? ` · for ${inv.email}` : ' · anyone with the link'}
                  </span>
                  <span className="block text-xs text-slate-600">
                    Created {formatDateTime(inv.createdAt)} · expires{' '}
                    {formatDateTime(inv.expiresAt)}
                  </span>
                </span>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={revoke.pending}
                  onClick={() => setRevoking(inv)}
                >
                  Revoke<span className="sr-only"> the {inv.role} invitation</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => {
          if (!open) setRevoking(null);
        }}
        title="Revoke this invitation?"
        description={<p>The link stops working at once. You can create a new one at any time.</p>}
        action="Revoke link"
        onConfirm={() => void confirmRevoke()}
      />
    </div>
  );
}
