'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { api, useApiAction } from '@/lib/client';
import type { AccountOption } from './account-switcher';

/**
 * Shown by an organisation page while the person acts for themselves: pick
 * one of their organisations (it becomes the active account) or create one.
 */
export function ChooseOrg({ orgs, what }: { orgs: readonly AccountOption[]; what: string }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const choose = useApiAction(
    (orgId: string) => api('/api/account/context', { method: 'POST', json: { org_id: orgId } }),
    { fallback: 'Could not switch account.' },
  );

  async function pick(orgId: string) {
    if ((await choose.run(orgId)) !== undefined) startTransition(() => router.refresh());
  }

  if (orgs.length === 0)
    return (
      <EmptyState
        title="You are not in an organisation yet."
        action={
          <Button asChild className="min-h-11">
            <Link href="/org/new">Create an organisation</Link>
          </Button>
        }
      >
        {`An organisation shares credits, keys and a product catalog with your team. Its ${what} appears here.`}
      </EmptyState>
    );

  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 className="text-lg font-semibold text-slate-900">Choose an organisation</h2>
      <p className="text-sm text-slate-700">
        You are working in your personal account. Switch to an organisation to see its {what}.
      </p>
      {choose.error && <Alert>{choose.error}</Alert>}
      <ul className="flex flex-wrap gap-2">
        {orgs.map((o) =>
          o.orgId ? (
            <li key={o.orgId}>
              <Button
                variant="secondary"
                className="min-h-11"
                disabled={choose.pending}
                onClick={() => void pick(o.orgId!)}
              >
                Switch to {o.name}
              </Button>
            </li>
          ) : null,
        )}
      </ul>
      <p className="text-sm">
        <Link href="/org/new" className="text-brand-700 underline underline-offset-2">
          Create another organisation
        </Link>
      </p>
    </div>
  );
}
