'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';

/** Adds or removes paid credits for a person, with a reason; one click = one adjustment. */
export function CreditAdjustForm({ userId, paid }: { userId: string; paid: number }) {
  const router = useRouter();
  const [credits, setCredits] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [status, setStatus] = useState<{
    kind: 'idle' | 'working' | 'ok' | 'error';
    message?: string;
  }>({ kind: 'idle' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus({ kind: 'working' });
    const res = await fetch(`/api/admin/users/${userId}/credits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credits: Number(credits), reason, idempotency_key: key }),
    });
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!res.ok) {
      setStatus({ kind: 'error', message: body?.error?.message ?? 'The adjustment failed.' });
      return;
    }
    setStatus({
      kind: 'ok',
      message: `Adjusted by ${Number(credits) > 0 ? '+' : ''}${credits} credits.`,
    });
    setCredits('');
    setReason('');
    setKey(crypto.randomUUID());
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby="adjust-heading">
      <h3 id="adjust-heading" className="font-semibold text-slate-900">
        Adjust paid credits
      </h3>
      <p className="text-sm text-slate-600">
        Currently {paid} paid credits. Use a negative number to remove credits.
      </p>
      <div className="flex flex-wrap gap-3">
        <div>
          <label htmlFor="adjust-credits" className="block text-sm font-medium text-slate-800">
            Credits
          </label>
          <input
            id="adjust-credits"
            type="number"
            step={1}
            required
            value={credits}
            onChange={(e) => setCredits(e.target.value)}
            className="mt-1 w-32 rounded-md border border-slate-300 px-3 py-2"
          />
        </div>
        <div className="min-w-64 flex-1">
          <label htmlFor="adjust-reason" className="block text-sm font-medium text-slate-800">
            Why (kept in the audit log)
          </label>
          <input
            id="adjust-reason"
            required
            minLength={5}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button
          type="submit"
          disabled={status.kind === 'working' || !credits || Number(credits) === 0}
        >
          {status.kind === 'working' ? 'Saving…' : 'Apply adjustment'}
        </Button>
        {status.message && (
          <span
            role={status.kind === 'error' ? 'alert' : 'status'}
            className={
              status.kind === 'error' ? 'text-sm text-red-700' : 'text-sm text-emerald-700'
            }
          >
            {status.message}
          </span>
        )}
      </div>
    </form>
  );
}
