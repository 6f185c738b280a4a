'use client';

import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { api, useApiAction } from '@/lib/client';

/** Rewrites the out-of-date balances from the ledger (audited), then reloads the report. */
export function RepairButton() {
  const router = useRouter();
  const repair = useApiAction(() => api('/api/admin/reconcile', { method: 'POST' }), {
    fallback: 'Repair failed. Try again.',
  });
  return (
    <div className="flex flex-wrap items-center gap-3">
      {repair.error && <Alert>{repair.error}</Alert>}
      <Button
        className="min-h-11"
        disabled={repair.pending}
        onClick={async () => {
          if ((await repair.run()) !== undefined) router.refresh();
        }}
      >
        {repair.pending ? 'Repairing…' : 'Repair balances'}
      </Button>
    </div>
  );
}
