'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { tryonApi } from '@/lib/client/tryon';
import { useApiAction } from '@/lib/client/use-api-action';
import { REPORT_NOTE_MAX, REPORT_REASON_LABELS } from '@/lib/tryon/report-reasons';
import type { ReportTryonResponse } from '@/lib/tryon/report-schemas';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { REPORT_REASONS, type ReportReason } from '@/models/enums';

type ReportableJob = Pick<
  TryonJobResponse,
  'id' | 'status' | 'reroll_of' | 'reroll_job_id' | 'report'
>;

/**
 * "Not right?" on a finished try-on: the shopper names what went wrong (one
 * reason, an optional note). The first report of a try-on makes a new version
 * at no cost; a later one is recorded as feedback. The outcome is announced
 * here, with the way to the new version.
 */
export function ReportResult({ job, className }: { job: ReportableJob; className?: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useApiAction(
    (body: { reason: ReportReason; note?: string }) => tryonApi.report(job.id, body),
    { fallback: 'The report could not be sent. Try again.' },
  );
  const ids = useId();
  const [outcome, setOutcome] = useState<ReportTryonResponse | null>(null);

  if (job.status !== 'completed') return null;
  const rerollId = outcome?.reroll_job_id ?? job.reroll_job_id ?? null;
  const freeOffered = !job.reroll_of && !job.report && !outcome;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!reason) {
      setMissing(true);
      return;
    }
    const trimmed = note.trim();
    const done = await send.run({ reason, ...(trimmed ? { note: trimmed } : {}) });
    if (!done) return;
    setOutcome(done);
    setOpen(false);
  }

  return (
    <div className={className} data-testid="report-result">
      {outcome || job.report ? (
        <div role="status" data-testid="report-outcome" className="mb-3 text-sm">
          <p className="rounded-lg border border-green-200 bg-green-50 p-3 text-green-900">
            {outcome?.regenerated
              ? 'Thanks for telling us. A new version is being made — free of charge.'
              : outcome
                ? outcome.not_regenerated_reason === 'is_reroll'
                  ? 'Thanks — your report was recorded. This was already a free re-roll, so no new version is made.'
                  : 'Thanks — your report was recorded. This try-on already had its free re-roll.'
                : 'You reported this result as not right.'}
          </p>
          {rerollId ? (
            <Button asChild variant="secondary" className="mt-2 h-11 w-full sm:w-auto">
              <Link href={`/history/${rerollId}`} data-testid="reroll-link">
                See the new version
              </Link>
            </Button>
          ) : null}
        </div>
      ) : null}
      {job.reroll_of && !outcome ? (
        <p className="mb-2 text-sm text-slate-600">
          This is a free re-roll of{' '}
          <Link href={`/history/${job.reroll_of}`} className="text-brand-700 font-medium underline">
            an earlier try-on
          </Link>
          .
        </p>
      ) : null}
      <DialogRoot
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (o) {
            setMissing(false);
            send.reset();
          }
        }}
      >
        <DialogTrigger asChild>
          <Button variant="ghost" className="h-11 w-full sm:w-auto">
            {outcome || job.report ? 'Report another problem' : 'Not right?'}
          </Button>
        </DialogTrigger>
        <DialogContent
          title="What is not right?"
          description={
            freeOffered
              ? 'Tell us what went wrong and we make a new version once, free of charge.'
              : 'Tell us what went wrong: it helps us improve the results.'
          }
        >
          <form className="mt-4 flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)} noValidate>
            <fieldset
              aria-describedby={missing ? `${ids}-missing` : undefined}
              aria-invalid={missing || undefined}
            >
              <legend className="text-sm font-medium text-slate-800">Reason</legend>
              <div className="mt-2 flex flex-col gap-1">
                {REPORT_REASONS.map((r) => (
                  <label
                    key={r}
                    className="has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-brand-700 flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm text-slate-800 has-[:focus-visible]:ring-2"
                  >
                    <input
                      type="radio"
                      name={`${ids}-reason`}
                      value={r}
                      checked={reason === r}
                      onChange={() => {
                        setReason(r);
                        setMissing(false);
                      }}
                      className="accent-brand-700 h-4 w-4 shrink-0"
                    />
                    {REPORT_REASON_LABELS[r]}
                  </label>
                ))}
              </div>
              {missing ? (
                <p id={`${ids}-missing`} className="mt-1 text-sm text-red-800">
                  Choose a reason.
                </p>
              ) : null}
            </fieldset>
            <div>
              <Label htmlFor={`${ids}-note`}>Anything else? (optional)</Label>
              <Textarea
                id={`${ids}-note`}
                value={note}
                maxLength={REPORT_NOTE_MAX}
                rows={3}
                onChange={(e) => setNote(e.target.value)}
                className="mt-1"
              />
            </div>
            {send.error ? <Alert>{send.error}</Alert> : null}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <DialogClose asChild>
                <Button type="button" variant="ghost" className="h-11">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" className="h-11" disabled={send.pending}>
                {send.pending ? 'Sending…' : 'Send report'}
              </Button>
            </div>
          </form>
        </DialogContent>
      </DialogRoot>
    </div>
  );
}
