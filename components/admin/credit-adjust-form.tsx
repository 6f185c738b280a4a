'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { creditAdjustmentForm, type CreditAdjustmentBody } from '@/lib/admin/schemas';
import { api, useApiAction } from '@/lib/client';
import { formatCount, plural } from '@/lib/format';

type Errors = Partial<Record<'credits' | 'reason', string>>;

/**
 * Adds or removes paid credits for a person, with a reason. The form is
 * checked with the route's own schema, then a confirmation shows the effect
 * (paid balance before → after) before anything is applied.
 */
export function CreditAdjustForm({
  userId,
  email,
  paid,
  endpoint = `/api/admin/users/${userId}/credits`,
}: {
  userId: string;
  /** Who the credits belong to, as the confirmation names them (an email, or an organisation's name). */
  email: string;
  paid: number;
  /** The adjustment route (an organisation's: /api/admin/organizations/{id}/credits). */
  endpoint?: string;
}) {
  const router = useRouter();
  const [credits, setCredits] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState<{ credits: number; reason: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const adjust = useApiAction(
    (body: CreditAdjustmentBody) => api(endpoint, { method: 'POST', json: body }),
    { fallback: 'The adjustment failed.' },
  );

  function review(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    adjust.reset();
    const parsed = creditAdjustmentForm.safeParse({ credits, reason });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'credits' || field === 'reason') && !next[field])
          next[field] = issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setPending(parsed.data);
  }

  async function apply() {
    if (!pending) return;
    const { credits: n, reason: why } = pending;
    setPending(null);
    const ok = await adjust.run({ credits: n, reason: why, idempotency_key: key });
    if (ok === undefined) return;
    setDone(`Adjusted by ${n > 0 ? '+' : ''}${n} credits.`);
    setCredits('');
    setReason('');
    setKey(crypto.randomUUID());
    router.refresh();
  }

  const n = pending?.credits ?? 0;
  const amount = plural(Math.abs(n), 'credit');
  return (
    <form onSubmit={review} noValidate className="space-y-3" aria-labelledby="adjust-heading">
      <h3 id="adjust-heading" className="font-semibold text-slate-900">
        Adjust paid credits
      </h3>
      <p className="text-sm text-slate-600">
        Currently {formatCount(paid)} paid credits. Use a negative number to remove credits.
      </p>
      <div className="flex flex-wrap gap-3">
        <Field label="Credits" error={errors.credits} className="w-32">
          <Input
            id="adjust-credits"
            inputMode="numeric"
            value={credits}
            onChange={(e) => setCredits(e.target.value)}
          />
        </Field>
        <Field
          label="Why (kept in the audit log)"
          error={errors.reason}
          className="min-w-0 flex-1 basis-64"
        >
          <Input
            id="adjust-reason"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={adjust.pending || !credits.trim()} className="min-h-11">
          {adjust.pending ? 'Saving…' : 'Apply adjustment'}
        </Button>
        {done && !adjust.error && <Alert tone="success">{done}</Alert>}
        {adjust.error && <Alert>{adjust.error}</Alert>}
      </div>
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => {
          if (!open) setPending(null);
        }}
        tone={n < 0 ? 'danger' : 'primary'}
        title={n > 0 ? `Add ${amount} to ${email}?` : `Remove ${amount} from ${email}?`}
        description={
          <>
            <p>
              Paid credits go from <strong>{formatCount(paid)}</strong> to{' '}
              <strong>{formatCount(paid + n)}</strong>. The change is written to their ledger and to
              the audit log with your reason:
            </p>
            <p className="rounded-md bg-slate-50 p-2 break-words text-slate-800">
              {pending?.reason}
            </p>
          </>
        }
        action={n > 0 ? `Add ${amount}` : `Remove ${amount}`}
        onConfirm={() => void apply()}
      />
    </form>
  );
}
