import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { formatUtc } from '@/lib/format';
import type { AdminJobDetailJson } from '@/lib/tryon/admin-schemas';
import { REPORT_REASON_LABELS } from '@/lib/tryon/report-reasons';

const when = (iso: string | null) => formatUtc(iso, { seconds: true });
const link = 'text-brand-700 underline underline-offset-2';

/**
 * The admin job page's failover and "not right" sections: every provider call
 * of the generation (failover included) with its outcome and timing, the
 * owner's reports with their reasons, and the links between a job and its
 * free re-roll.
 */
export function JobRerollSections({
  job,
}: {
  job: Pick<
    AdminJobDetailJson,
    'provider_attempts' | 'reports' | 'reroll_of' | 'reroll_job_id' | 'credits_used'
  >;
}) {
  return (
    <>
      {job.reroll_of || job.reroll_job_id ? (
        <p role="status" className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
          {job.reroll_of ? (
            <>
              A free re-roll (no charge) of job{' '}
              <Link href={`/admin/jobs/${job.reroll_of}`} className={link}>
                <span className="font-mono">{job.reroll_of.slice(-8)}</span>
              </Link>
              , which its owner reported as not right.
            </>
          ) : null}
          {job.reroll_job_id ? (
            <>
              Reported as not right and re-rolled for free as job{' '}
              <Link href={`/admin/jobs/${job.reroll_job_id}`} className={link}>
                <span className="font-mono">{job.reroll_job_id.slice(-8)}</span>
              </Link>
              .
            </>
          ) : null}
        </p>
      ) : null}

      <Card>
        <h2 id="provider-attempts" className="text-lg font-semibold text-slate-900">
          Provider attempts
        </h2>
        {job.provider_attempts.length ? (
          <div className="mt-3 overflow-x-auto">
            <table
              className="w-full min-w-[36rem] text-left text-sm"
              aria-labelledby="provider-attempts"
            >
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    #
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Provider / model
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Sample
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Outcome
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Time
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    At (UTC)
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100" data-testid="provider-attempts">
                {job.provider_attempts.map((a, i) => (
                  <tr key={`${a.at ?? ''}-${i}`}>
                    <td className="py-2 pr-3 tabular-nums">{i + 1}</td>
                    <td className="py-2 pr-3">
                      <span className="font-medium text-slate-900">{a.provider}</span>
                      {a.model ? <span className="text-slate-600"> / {a.model}</span> : null}
                    </td>
                    <td className="py-2 pr-3 tabular-nums">{a.sample ?? '—'}</td>
                    <td className="py-2 pr-3">
                      {a.ok ? (
                        <span className="font-medium text-green-800">ok</span>
                      ) : (
                        <span className="font-mono text-xs text-red-800">{a.code ?? 'failed'}</span>
                      )}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {a.ms != null ? `${(a.ms / 1000).toFixed(1)} s` : '—'}
                    </td>
                    <td className="py-2 text-slate-600">{when(a.at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600">No provider call recorded (yet).</p>
        )}
        <p className="mt-2 text-xs text-slate-600">
          A retryable outage (429, 5xx, timeout, network) moves the job to the next provider of its
          list; a refusal (safety block) does not. The job is charged once whatever happened.
        </p>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-slate-900">Reports</h2>
        {job.reports.length ? (
          <ol className="mt-3 space-y-3 text-sm" data-testid="job-reports">
            {job.reports.map((r) => (
              <li key={r.seq} className="rounded-lg border border-slate-200 p-3">
                <p className="font-medium text-slate-900">{REPORT_REASON_LABELS[r.reason]}</p>
                {r.note ? <p className="mt-1 text-slate-800">“{r.note}”</p> : null}
                <p className="mt-1 text-xs text-slate-600">
                  {when(r.created_at)} ·{' '}
                  {r.regenerated ? (
                    r.reroll_job_id ? (
                      <Link href={`/admin/jobs/${r.reroll_job_id}`} className={link}>
                        re-rolled for free
                      </Link>
                    ) : (
                      're-roll starting'
                    )
                  ) : (
                    'recorded, no re-roll'
                  )}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-2 text-sm text-slate-600">The owner has not reported this result.</p>
        )}
      </Card>
    </>
  );
}
