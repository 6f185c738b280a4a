import type { Metadata } from 'next';
import { FilterBar } from '@/components/admin/filter-bar';
import { JobsTable } from '@/components/admin/jobs-table';
import { PageHeader } from '@/components/admin/page-header';
import { StatusTabs } from '@/components/admin/status-tabs';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { listHref, parseSearchParams, type PageSearchParams } from '@/lib/api/list';
import { requireAdminPage } from '@/lib/auth/caller';
import { ADMIN_JOB_PROVIDERS, adminJobsQuery, adminListJobs } from '@/lib/tryon';
import { JOB_STATUSES, TRYON_MODES } from '@/models/tryon-job';

export const metadata: Metadata = { title: 'Jobs · Admin' };
export const dynamic = 'force-dynamic';

const options = (values: readonly string[], label = (v: string) => v) =>
  values.map((value) => ({ value, label: label(value) }));

export default async function AdminJobsPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  await requireAdminPage('/admin/jobs', 'jobs:manage');
  const parsed = parseSearchParams(adminJobsQuery, await searchParams);
  const query = parsed.ok ? parsed.query : adminJobsQuery.parse({});
  const result = await adminListJobs(query);
  // The filters other than status: the tabs keep them.
  const keep = {
    mode: query.mode,
    provider: query.provider,
    user: query.user,
    date_from: query.date_from,
    date_to: query.date_to,
  };
  const tab = (extra: Record<string, string>) => listHref('/admin/jobs', { ...keep, ...extra });
  const plain = !query.status && !query.stuck;
  const tabs = [
    {
      label: 'All',
      count: JOB_STATUSES.reduce((n, s) => n + result.counts[s], 0),
      href: tab({}),
      active: plain,
    },
    ...JOB_STATUSES.map((s) => ({
      label: s,
      count: result.counts[s],
      href: tab({ status: s }),
      active: query.status === s && !query.stuck,
    })),
    {
      label: 'stuck',
      count: result.counts.stuck,
      href: tab({ stuck: 'true' }),
      active: Boolean(query.stuck),
      warn: true,
    },
  ];

  return (
    <div className="min-w-0 space-y-6">
      <PageHeader
        title="Try-on jobs"
        description="Every person’s jobs. Open a failed job to retry it, or any finished job to refund its credits."
      />
      {!parsed.ok && (
        <Alert tone="warning">
          Some filters were not valid ({parsed.error}); showing all jobs instead.
        </Alert>
      )}
      <StatusTabs label="Jobs by status" tabs={tabs} />
      <FilterBar
        action="/admin/jobs"
        label="Filter jobs"
        values={parsed.values}
        fields={[
          { kind: 'search', name: 'user', label: 'User email or id', placeholder: 'e.g. ana@' },
          { kind: 'select', name: 'status', label: 'Status', options: options(JOB_STATUSES) },
          {
            kind: 'select',
            name: 'mode',
            label: 'Mode',
            options: options(TRYON_MODES, (m) => (m === 'top' ? 'top only' : 'full outfit')),
          },
          {
            kind: 'select',
            name: 'provider',
            label: 'Provider',
            options: options(ADMIN_JOB_PROVIDERS),
          },
          { kind: 'date', name: 'date_from', label: 'Created from' },
          { kind: 'date', name: 'date_to', label: 'Created to' },
        ]}
      />
      {result.data.length === 0 ? (
        <EmptyState title="No jobs match these filters." />
      ) : (
        <JobsTable jobs={result.data} />
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
