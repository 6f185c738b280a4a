'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { postAdmin, ReasonDialog } from '@/components/admin/reason-dialog';
import { formatCents } from '@/components/price';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { formatCount } from '@/lib/format';
import type { AdminRefundPaymentResult } from '@/lib/billing/admin-schemas';
import { parseAmountToCents } from '@/lib/billing/parse-amount';

/** Refund all or part of a payment, behind a confirmation with a required reason. */
export function RefundPayment({
  paymentId,
  refundableCents,
  currency,
  via,
  canRefund,
  blockedReason,
}: {
  paymentId: string;
  refundableCents: number;
  currency: string;
  via: 'stripe' | 'local';
  canRefund: boolean;
  /** Why nothing can be refunded, when canRefund is false. */
  blockedReason: string;
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [kind, setKind] = useState<'full' | 'partial'>('full');
  const [amount, setAmount] = useState('');
  const [result, setResult] = useState<string | null>(null);
  // One key per confirmed refund: a double-submit refunds once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const amountId = useId();
  const partialCents = kind === 'partial' ? parseAmountToCents(amount) : null;
  const amountValid = kind === 'full' || (partialCents !== null && partialCents <= refundableCents);

  async function refund(reason: string) {
    const res = await postAdmin<AdminRefundPaymentResult>(
      `/api/admin/payments/${paymentId}/refund`,
      {
        reason,
        idempotency_key: key,
        ...(kind === 'partial' && partialCents ? { amount_cents: partialCents } : {}),
      },
    );
    if (!res.ok) return res.message;
    setKey(crypto.randomUUID());
    const refunded = formatCents(res.data.refund.amount_cents, currency);
    setResult(
      res.data.replayed
        ? `This refund had already been made (${refunded}).`
        : via === 'stripe'
          ? `Refund of ${refunded} sent to Stripe. The credits are taken back when Stripe confirms it (charge.refunded).`
          : `Refunded ${refunded}; ${formatCount(res.data.payment.credits_revoked)} credits taken back in total.`,
    );
    setAmount('');
    setKind('full');
    startTransition(() => router.refresh());
    return null;
  }

  return (
    <div className="space-y-3">
      <ReasonDialog
        trigger={
          <Button variant="danger" disabled={!canRefund}>
            Refund payment
          </Button>
        }
        title="Refund this payment?"
        description={
          <>
            <p>
              {via === 'stripe'
                ? 'The money is refunded at Stripe; the purchased credits are taken back when Stripe confirms the refund.'
                : 'This is a local test-checkout payment: the refund is recorded here and the credits are taken back now.'}
            </p>
            <p>
              Credits already spent are not taken back (balances never go negative); the payment
              then shows a shortfall for review.
            </p>
          </>
        }
        confirmLabel="Refund"
        busyLabel="Refunding…"
        canConfirm={amountValid}
        onConfirm={refund}
      >
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Amount</legend>
          <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="refund-kind"
              checked={kind === 'full'}
              onChange={() => setKind('full')}
            />
            Everything not yet refunded ({formatCents(refundableCents, currency)})
          </label>
          <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="refund-kind"
              checked={kind === 'partial'}
              onChange={() => setKind('partial')}
            />
            Part of it
          </label>
          {kind === 'partial' && (
            <Field
              label={`Amount in ${currency.toUpperCase()}`}
              error={
                amount !== '' && !amountValid
                  ? `Enter an amount up to ${formatCents(refundableCents, currency)}, with at most two decimals.`
                  : null
              }
            >
              <Input
                id={amountId}
                inputMode="decimal"
                autoComplete="off"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                placeholder="e.g. 5.00"
                className="w-40"
              />
            </Field>
          )}
        </fieldset>
      </ReasonDialog>
      {!canRefund && <p className="text-sm text-slate-600">{blockedReason}</p>}
      {result && <Alert tone="success">{result}</Alert>}
    </div>
  );
}
