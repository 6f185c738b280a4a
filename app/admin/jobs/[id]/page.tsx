import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminHistory } from '@/components/admin/audit-table';
import { FactCard } from '@/components/admin/fact-card';
import { JobRerollSections } from '@/components/admin/job-reroll-sections';
import { StatusPill } from '@/components/admin/status-pill';
import { Card } from '@/components/ui/card';
import { listAuditLogs, listAuditLogsQuery, serializeAuditLog } from '@/lib/audit';
import { requireAdminPage } from '@/lib/auth/caller';
import { can } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { adminGetJob, type AdminJobDetailJson } from '@/lib/tryon';
import { JobActions } from './job-actions-client';
import { formatUtc } from '@/lib/format';

export const metadata: Metadata = { title: 'Job · Admin' };
export const dynamic = 'force-dynamic';

const when = (iso: string | null) => formatUtc(iso, { seconds: true });

function LedgerLine({ label, entry }: { label: string; entry: AdminJobDetailJson['charge'] }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium text-slate-900">
        {entry ? (
          <>
            <span className="tabular-nums">
              {entry.credits > 0 ? '+' : ''}
              {entry.credits}
            </span>{' '}
            credits · {entry.actor.type}
            <span className="block text-xs font-normal text-slate-600">
              {entry.description} · {when(entry.created_at)}
            </span>
          </>
        ) : (
          '—'
        )}
      </dd>
    </div>
  );
}

export default async function AdminJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requireAdminPage(`/admin/jobs/${id}`, 'jobs:manage');
  const job = await adminGetJob(id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  });
  const history = can(caller.role, 'audit:read')
    ? await listAuditLogs(
        listAuditLogsQuery.parse({ entity_type: 'tryon_job', entity_id: id, limit: '20' }),
      )
    : null;

  const facts: Array<[string, ReactNode]> = [
    [
      'Owner',
      job.user.email ? (
        <Link
          href={`/admin/users/${job.user.id}`}
          className="text-brand-700 underline underline-offset-2"
        >
          {job.user.email}
        </Link>
      ) : (
        job.user.id
      ),
    ],
    ['Mode', { top: 'Top only', full: 'Full outfit', one_piece: 'One-piece' }[job.mode]],
    ['Source', job.source === 'api' ? 'API' : 'Web studio'],
    [
      'Provider / model',
      job.provider ? `${job.provider}${job.model ? ` / ${job.model}` : ''}` : '—',
    ],
    ['Prompt', job.prompt ? `v${job.prompt.version ?? '?'} · ${job.prompt.id.slice(-8)}` : '—'],
    ['Credits used', job.credits_used],
    ['Attempts (last run)', job.retry_count + 1],
    ['Admin retries', job.admin_retries],
    ['Queued', when(job.queued_at)],
    ['Started', when(job.started_at)],
    ['Finished', when(job.completed_at)],
    [
      'Processing time',
      job.processing_ms != null ? `${(job.processing_ms / 1000).toFixed(1)} s` : '—',
    ],
    ['Last admin retry', when(job.retried_at)],
    [
      'Job id',
      <span key="id" className="font-mono text-xs break-all">
        {job.id}
      </span>,
    ],
  ];
  const images = [
    { label: 'Person', src: job.images.user },
    { label: 'Top', src: job.images.top },
    { label: 'Bottom', src: job.images.bottom },
    { label: 'Result', src: job.images.output },
  ].filter((i) => i.src || i.label === 'Result');

  return (
    <div className="space-y-6">
      <Link
        href="/admin/jobs"
        className="text-brand-700 text-sm font-medium underline underline-offset-2"
      >
        ← All jobs
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">
          Job <span className="font-mono">{job.id.slice(-8)}</span>
        </h1>
        <StatusPill status={job.status} className="text-sm" />
        {job.stuck && <StatusPill status="stuck" className="text-sm" />}
        {job.refund && <StatusPill status="refunded" className="text-sm" />}
      </div>
      {job.stuck && (
        <p
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          This job has been {job.status} for more than 15 minutes: its run probably died. The
          stuck-job sweeper fails and refunds it within 5 minutes; you can retry it afterwards.
        </p>
      )}
      {job.error && (
        <div
          role="status"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900"
        >
          <p className="font-mono text-xs font-semibold">{job.error.code}</p>
          <p className="mt-1">{job.error.message}</p>
          {job.error_detail && (
            <p className="mt-2 text-xs" data-testid="error-detail">
              Provider detail (admins only):{' '}
              <span className="font-mono">{job.error_detail.code}</span> —{' '}
              {job.error_detail.message}
            </p>
          )}
        </div>
      )}

      <Card>
        <h2 className="text-lg font-semibold text-slate-900">Actions</h2>
        <div className="mt-3">
          <JobActions
            jobId={job.id}
            canRetry={job.can_retry}
            canRefund={job.can_refund}
            creditsUsed={job.credits_used}
            refunded={Boolean(job.refund)}
          />
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-3">
        <FactCard title="Details" facts={facts} className="lg:col-span-2" />
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Credits</h2>
          <dl className="mt-4 space-y-3 text-sm">
            <LedgerLine label="Charged" entry={job.charge} />
            <LedgerLine label="Refunded" entry={job.refund} />
          </dl>
        </Card>
      </div>

      <JobRerollSections job={job} />

      <section aria-labelledby="images" className="space-y-3">
        <h2 id="images" className="text-xl font-semibold text-slate-900">
          Images
        </h2>
        <p className="text-sm text-slate-600">
          Links signed for 15 minutes; reload the page for fresh ones.
        </p>
        <ul className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {images.map((img) => (
            <li key={img.label}>
              <figure className="overflow-hidden rounded-xl border border-slate-200 bg-slate-50">
                {img.src ? (
                  // eslint-disable-next-line @next/next/no-img-element -- signed, short-lived private links; next/image would cache them
                  <img
                    src={img.src}
                    alt={`${img.label} image of the job`}
                    className="aspect-[3/4] w-full object-cover"
                  />
                ) : (
                  <div className="flex aspect-[3/4] items-center justify-center p-4 text-center text-sm text-slate-600">
                    {job.status === 'completed' ? 'No result stored' : `No result (${job.status})`}
                  </div>
                )}
                <figcaption className="border-t border-slate-200 bg-white px-3 py-2 text-sm font-medium text-slate-800">
                  {img.label}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      </section>

      {job.retries.length > 0 && (
        <section aria-labelledby="retries" className="space-y-3">
          <h2 id="retries" className="text-xl font-semibold text-slate-900">
            Admin retries
          </h2>
          <ol className="space-y-2 text-sm">
            {job.retries.map((r) => (
              <li key={r.seq} className="rounded-lg border border-slate-200 bg-white p-3">
                <span className="font-medium text-slate-900">#{r.seq}</span>{' '}
                <StatusPill status={r.status === 'succeeded' ? 're-queued' : r.status} /> by{' '}
                {r.actor_email ?? 'an admin'} · {when(r.created_at)}
                <span className="block text-slate-700">“{r.reason}”</span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {history && (
        <AdminHistory
          entries={history.entries.map(serializeAuditLog)}
          caption={`Admin actions on job ${job.id}`}
        />
      )}
    </div>
  );
}
