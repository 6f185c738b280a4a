'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table';
import { Select } from '@/components/ui/select';
import { api, useApiAction } from '@/lib/client';
import { formatDate } from '@/lib/format';
import { ORG_ROLE_LABELS, type MemberView, type OrgRoleName } from './types';

/**
 * The members of an organisation: role change (owners only: a select per
 * person) and removal after a confirmation (owners anyone, admins anyone but
 * owners; the server decides again). Leaving is "remove" on oneself.
 */
export function MembersTable({
  orgId,
  orgName,
  meId,
  myRole,
  members,
}: {
  orgId: string;
  orgName: string;
  meId: string;
  myRole: OrgRoleName;
  members: readonly MemberView[];
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useApiAction(
    (userId: string, change: { role: OrgRoleName } | 'remove') =>
      change === 'remove'
        ? api(`/api/orgs/${orgId}/members/${userId}`, { method: 'DELETE' })
        : api(`/api/orgs/${orgId}/members/${userId}`, { method: 'PATCH', json: change }),
    { fallback: 'The change failed.' },
  );

  const manages = (m: MemberView) =>
    m.userId !== meId && (myRole === 'owner' || (myRole === 'admin' && m.role !== 'owner'));
  const changesRole = (m: MemberView) => m.userId !== meId && myRole === 'owner';
  const roleChoices: OrgRoleName[] = ['owner', 'admin', 'member'];

  async function changeRole(m: MemberView, role: OrgRoleName) {
    setDone(null);
    const ok = await action.run(m.userId, { role });
    if (ok === undefined) return;
    setDone(`${m.email} is now ${ORG_ROLE_LABELS[role].label.toLowerCase()}.`);
    startTransition(() => router.refresh());
  }

  async function remove() {
    const m = removing;
    setRemoving(null);
    if (!m) return;
    setDone(null);
    const ok = await action.run(m.userId, 'remove');
    if (ok === undefined) return;
    if (m.userId === meId) {
      // Left the organisation: back to the personal account.
      await api('/api/account/context', { method: 'POST', json: { org_id: null } }).catch(
        () => undefined,
      );
      startTransition(() => {
        router.push('/studio');
        router.refresh();
      });
      return;
    }
    setDone(`${m.email} was removed. Their next request in ${orgName} is refused.`);
    startTransition(() => router.refresh());
  }

  const leaving = removing?.userId === meId;
  return (
    <div className="space-y-3">
      {action.error && <Alert>{action.error}</Alert>}
      {!action.error && done && <Alert tone="success">{done}</Alert>}
      <DataTable
        caption={`Members of ${orgName}`}
        className="w-full min-w-[36rem]"
        columns={[
          { label: 'Person' },
          { label: 'Role' },
          { label: 'Joined' },
          { label: 'Actions', srOnly: true },
        ]}
      >
        {members.map((m) => (
          <tr key={m.userId} data-testid={`member-${m.email}`}>
            <td className="px-4 py-2">
              <span className="block font-medium break-all text-slate-900">{m.email}</span>
              <span className="block text-xs text-slate-600">
                {m.name ?? '—'}
                {m.userId === meId && ' (you)'}
              </span>
            </td>
            <td className="px-4 py-2">
              {changesRole(m) ? (
                <Select
                  aria-label={`Role of ${m.email}`}
                  value={m.role}
                  disabled={action.pending}
                  onChange={(e) => void changeRole(m, e.target.value as OrgRoleName)}
                  className="mt-0 min-h-11 w-36 sm:min-h-0"
                >
                  {roleChoices.map((r) => (
                    <option key={r} value={r}>
                      {ORG_ROLE_LABELS[r].label}
                    </option>
                  ))}
                </Select>
              ) : (
                <Badge
                  tone={m.role === 'owner' ? 'violet' : m.role === 'admin' ? 'info' : 'neutral'}
                >
                  {ORG_ROLE_LABELS[m.role].label}
                </Badge>
              )}
            </td>
            <td className="px-4 py-2 whitespace-nowrap text-slate-700">{formatDate(m.joinedAt)}</td>
            <td className="px-4 py-2 text-right">
              {(manages(m) || m.userId === meId) && (
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={action.pending}
                  onClick={() => setRemoving(m)}
                >
                  {m.userId === meId ? 'Leave' : 'Remove'}
                  <span className="sr-only"> {m.email}</span>
                </Button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={leaving ? `Leave ${orgName}?` : `Remove ${removing?.email ?? ''}?`}
        description={
          leaving ? (
            <p>
              You lose access to its credits, try-ons, keys and products at once. An owner or admin
              can invite you again.
            </p>
          ) : (
            <p>
              They lose access at once: their next request in {orgName} is refused, and they can no
              longer spend its credits. Their past try-ons stay in the organisation’s history.
            </p>
          )
        }
        action={leaving ? 'Leave organisation' : 'Remove member'}
        onConfirm={() => void remove()}
      />
    </div>
  );
}
