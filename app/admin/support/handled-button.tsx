'use client';

import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { api } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';
import type { SupportMessageJson } from '@/lib/support/schemas';

/** Marks a support message handled (or open again), then reloads the list. */
export function HandledButton({
  id,
  handled,
  email,
}: {
  id: string;
  handled: boolean;
  email: string;
}) {
  const router = useRouter();
  const action = useApiAction(async () => {
    await api<SupportMessageJson>(`/api/admin/support/${id}`, {
      method: 'PATCH',
      json: { status: handled ? 'open' : 'handled' },
    });
    router.refresh();
  });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant={handled ? 'secondary' : 'primary'}
        className="h-11"
        disabled={action.pending}
        aria-label={`${handled ? 'Reopen' : 'Mark handled'}: message from ${email}`}
        onClick={() => void action.run()}
      >
        {action.pending ? 'Saving…' : handled ? 'Reopen' : 'Mark handled'}
      </Button>
      {action.error && <Alert className="flex-1">{action.error}</Alert>}
    </div>
  );
}
