import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { StatusPill } from '@/components/admin/status-pill';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { DataTable } from '@/components/ui/data-table';
import { requireAdminPage } from '@/lib/auth/caller';
import { ADMIN_JOB_PROVIDERS, adminJobsQuery, adminListJobs } from '@/lib/tryon';
import { JOB_STATUSES, TRYON_MODES } from '@/models/tryon-job';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Jobs · Admin' };
export const dynamic = 'force-dynamic';

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900';

export default async function AdminJobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireAdminPage('/admin/jobs', 'jobs:manage');
  const sp = await searchParams;
  const raw = {
    status: sp.status || undefined,
    stuck: sp.stuck || undefined,
    mode: sp.mode || undefined,
    provider: sp.provider || undefined,
    user: sp.user || undefined,
    date_from: sp.date_from || undefined,
    date_to: sp.date_to || undefined,
    page: sp.page ?? '1',
  };
  const parsed = adminJobsQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : adminJobsQuery.parse({});
  const result = await adminListJobs(query);
  const keep = {
    mode: query.mode,
    provider: query.provider,
    user: query.user,
    date_from: query.date_from,
    date_to: query.date_to,
  };
  const tabHref = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...keep, ...extra })) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/admin/jobs?${s}` : '/admin/jobs';
  };
  const allCount = JOB_STATUSES.reduce((n, s) => n + result.counts[s], 0);
  const tabs = [
    { label: 'All', count: allCount, href: tabHref({}), active: !query.status && !query.stuck },
    ...JOB_STATUSES.map((s) => ({
      label: s,
      count: result.counts[s],
      href: tabHref({ status: s }),
      active: query.status === s && !query.stuck,
    })),
    {
      label: 'stuck',
      count: result.counts.stuck,
      href: tabHref({ stuck: 'true' }),
      active: Boolean(query.stuck),
    },
  ];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Try-on jobs</h1>
        <p className="mt-1 text-slate-700">
          Every person’s jobs. Open a failed job to retry it, or any finished job to refund its
          credits.
        </p>
      </div>

      {!parsed.success && (
        <p
          role="alert"
          className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
        >
          Some filters were not valid ({parsed.error.issues[0]?.message}); showing all jobs instead.
        </p>
      )}

      <nav aria-label="Jobs by status">
        <ul className="flex flex-wrap gap-2">
          {tabs.map((t) => (
            <li key={t.label}>
              <Link
                href={t.href}
                aria-current={t.active ? 'page' : undefined}
                className={cn(
                  'inline-flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm font-medium capitalize',
                  t.active
                    ? 'border-slate-900 bg-slate-900 text-white'
                    : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
                  t.label === 'stuck' &&
                    t.count > 0 &&
                    !t.active &&
                    'border-amber-400 bg-amber-50 text-amber-900',
                )}
              >
                {t.label}
                <span className="tabular-nums">{t.count.toLocaleString('en')}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form
        role="search"
        aria-label="Filter jobs"
        action="/admin/jobs"
        className="grid gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
      >
        <div className="lg:col-span-2">
          <label htmlFor="f-user" className="block text-sm font-medium text-slate-800">
            User email or id
          </label>
          <input
            id="f-user"
            name="user"
            type="search"
            defaultValue={query.user ?? ''}
            placeholder="e.g. ana@"
            className={field}
          />
        </div>
        <div>
          <label htmlFor="f-status" className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <select id="f-status" name="status" defaultValue={query.status ?? ''} className={field}>
            <option value="">Any</option>
            {JOB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-mode" className="block text-sm font-medium text-slate-800">
            Mode
          </label>
          <select id="f-mode" name="mode" defaultValue={query.mode ?? ''} className={field}>
            <option value="">Any</option>
            {TRYON_MODES.map((m) => (
              <option key={m} value={m}>
                {m === 'top' ? 'top only' : 'full outfit'}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-provider" className="block text-sm font-medium text-slate-800">
            Provider
          </label>
          <select
            id="f-provider"
            name="provider"
            defaultValue={query.provider ?? ''}
            className={field}
          >
            <option value="">Any</option>
            {ADMIN_JOB_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-2 sm:col-span-2 lg:col-span-6 lg:grid-cols-[1fr_1fr_auto_auto] lg:items-end">
          <div>
            <label htmlFor="f-from" className="block text-sm font-medium text-slate-800">
              Created from
            </label>
            <input
              id="f-from"
              name="date_from"
              type="date"
              defaultValue={query.date_from ?? ''}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="f-to" className="block text-sm font-medium text-slate-800">
              Created to
            </label>
            <input
              id="f-to"
              name="date_to"
              type="date"
              defaultValue={query.date_to ?? ''}
              className={field}
            />
          </div>
          <Button type="submit">Filter</Button>
          <Button asChild variant="ghost">
            <Link href="/admin/jobs">Clear</Link>
          </Button>
        </div>
      </form>

      {result.data.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-10 text-center text-slate-600">
          No jobs match these filters.
        </p>
      ) : (
        <DataTable
          caption="Try-on jobs matching the filters"
          className="min-w-[56rem]"
          columns={[
            { label: 'Job' },
            { label: 'Person' },
            { label: 'Status' },
            { label: 'Mode' },
            { label: 'Provider' },
            { label: 'Credits', align: 'right' },
            { label: 'Error' },
            { label: 'Created (UTC)' },
          ]}
        >
          {result.data.map((j) => (
            <tr key={j.id} className={cn('align-top hover:bg-slate-50', j.stuck && 'bg-amber-50')}>
              <td className="px-4 py-2">
                <Link
                  href={`/admin/jobs/${j.id}`}
                  className="text-brand-700 font-mono text-xs font-medium underline-offset-2 hover:underline"
                  aria-label={`Job ${j.id}`}
                >
                  {j.id.slice(-8)}
                </Link>
                {j.admin_retries > 0 && (
                  <span className="block text-xs text-slate-600">retried ×{j.admin_retries}</span>
                )}
              </td>
              <td
                className="max-w-52 truncate px-4 py-2 text-slate-900"
                title={j.user.email ?? j.user.id}
              >
                {j.user.email ?? j.user.id}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                <StatusPill status={j.status} />
                {j.stuck && <StatusPill status="stuck" className="ml-1" />}
              </td>
              <td className="px-4 py-2 text-slate-700">{j.mode === 'top' ? 'top' : 'full'}</td>
              <td className="px-4 py-2 text-slate-700">
                {j.provider ?? '—'}
                {j.model && <span className="block text-xs text-slate-600">{j.model}</span>}
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{j.credits_used}</td>
              <td className="max-w-48 px-4 py-2 font-mono text-xs break-all text-red-800">
                {j.error?.code ?? ''}
              </td>
              <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                {formatDateTime(j.queued_at)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        basePath="/admin/jobs"
        params={{ ...keep, status: query.status, stuck: query.stuck ? 'true' : undefined }}
        page={result.page}
        limit={result.limit}
        total={result.total}
      />
    </div>
  );
}
