'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { api, useApiAction } from '@/lib/client';

/**
 * The session still names an organisation the person may no longer act for
 * (removed, or the organisation was suspended): said plainly, with the way
 * back to the personal account. Nothing is spent meanwhile — every API
 * request in that context is refused.
 */
export function RefusedContext({
  code,
}: {
  code: 'organization_access_revoked' | 'organization_suspended';
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const clear = useApiAction(
    () => api('/api/account/context', { method: 'POST', json: { org_id: null } }),
    { fallback: 'Could not switch account.' },
  );
  return (
    <div
      role="alert"
      data-testid="account-refused"
      className="border-b border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3">
        <p>
          {code === 'organization_suspended'
            ? 'The organisation you were working in is suspended. Nothing can be done for it until support lifts the suspension.'
            : 'You no longer have access to the organisation you were working in. An owner or admin removed you.'}{' '}
          This page shows your personal account.
        </p>
        <Button
          variant="secondary"
          className="min-h-11 sm:min-h-10"
          disabled={clear.pending}
          onClick={() =>
            void clear.run().then((ok) => {
              if (ok !== undefined) startTransition(() => router.refresh());
            })
          }
        >
          Continue with my personal account
        </Button>
      </div>
      {clear.error && <p className="mx-auto mt-2 max-w-6xl">{clear.error}</p>}
    </div>
  );
}
