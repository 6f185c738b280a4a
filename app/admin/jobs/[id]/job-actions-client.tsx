'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { postAdmin, ReasonDialog } from '@/components/admin/reason-dialog';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { plural } from '@/lib/format';

type Result = { tone: 'success' | 'info'; text: string } | null;

/** Retry and refund for one job, each behind a confirmation with a required reason. */
export function JobActions({
  jobId,
  canRetry,
  canRefund,
  creditsUsed,
  refunded,
}: {
  jobId: string;
  canRetry: boolean;
  canRefund: boolean;
  creditsUsed: number;
  refunded: boolean;
}) {
  const router = useRouter();
  const [result, setResult] = useState<Result>(null);
  const [, startTransition] = useTransition();
  // One key per dialog opening: a double-submit re-queues once.
  const [retryKey, setRetryKey] = useState(() => crypto.randomUUID());

  async function retry(reason: string) {
    const res = await postAdmin<{ replayed: boolean }>(`/api/admin/jobs/${jobId}/retry`, {
      reason,
      idempotency_key: retryKey,
    });
    if (!res.ok) return res.message;
    setRetryKey(crypto.randomUUID());
    setResult({
      tone: 'success',
      text: res.data.replayed
        ? 'This retry had already been made.'
        : 'Job re-queued. It runs again on the house: no new charge, the earlier refund stands.',
    });
    startTransition(() => router.refresh());
    return null;
  }

  async function refund(reason: string) {
    const res = await postAdmin<{ refunded: boolean; credits: number }>(
      `/api/admin/jobs/${jobId}/refund`,
      { reason },
    );
    if (!res.ok) return res.message;
    setResult(
      res.data.refunded
        ? {
            tone: 'success',
            text: `Refunded ${plural(res.data.credits, 'credit')}.`,
          }
        : {
            tone: 'info',
            text: 'This job had already been refunded; nothing more was given back.',
          },
    );
    startTransition(() => router.refresh());
    return null;
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <ReasonDialog
          trigger={
            <Button variant="primary" disabled={!canRetry}>
              Retry job
            </Button>
          }
          title="Retry this job?"
          description={
            <>
              <p>It runs again through the same generation function with the same photos.</p>
              <p>
                The retry is on the house: nothing new is charged, the refund it already had stands,
                and if it fails again nothing more is refunded.
              </p>
            </>
          }
          confirmLabel="Retry job"
          busyLabel="Re-queuing…"
          tone="primary"
          onConfirm={retry}
        />
        <ReasonDialog
          trigger={
            <Button variant="danger" disabled={!canRefund}>
              Refund credits
            </Button>
          }
          title={`Refund ${plural(creditsUsed, 'credit')}?`}
          description={
            <p>
              The owner gets back what this job took, to the buckets it came from. A job is refunded
              at most once — automatically on failure, or here.
            </p>
          }
          confirmLabel="Refund credits"
          busyLabel="Refunding…"
          onConfirm={refund}
        />
      </div>
      {(!canRetry || !canRefund) && (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
          {!canRetry && <li>Retry: only failed jobs can be retried.</li>}
          {!canRefund && (
            <li>
              Refund:{' '}
              {refunded
                ? 'already refunded (a job is refunded at most once).'
                : 'only finished jobs that were charged can be refunded.'}
            </li>
          )}
        </ul>
      )}
      {result && <Alert tone={result.tone}>{result.text}</Alert>}
    </div>
  );
}
