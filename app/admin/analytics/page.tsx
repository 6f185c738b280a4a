import type { Metadata } from 'next';
import { analyticsQuery, getAnalytics, serializeAnalytics } from '@/lib/analytics';
import { requireAdminPage } from '@/lib/auth/caller';
import { can } from '@/lib/auth/roles';
import { AnalyticsClient } from './analytics-client';

export const metadata: Metadata = { title: 'Analytics · Admin' };
export const dynamic = 'force-dynamic';

export default async function AnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const caller = await requireAdminPage('/admin/analytics', 'analytics:read');
  const sp = await searchParams;
  const parsed = analyticsQuery.safeParse({ range: sp.range || undefined });
  const range = parsed.success ? parsed.data.range : 30;
  const data = serializeAnalytics(
    await getAnalytics({ range, revenue: can(caller.role, 'revenue:read') }),
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Analytics</h1>
        <p className="mt-1 text-slate-700">
          Try-ons, credits{data.revenue_visible ? ', revenue' : ''} and people per UTC day. Past
          days are recomputed hourly; today is live.
        </p>
      </div>
      <AnalyticsClient initial={data} canBackfill={can(caller.role, 'analytics:write')} />
    </div>
  );
}
