import Link from 'next/link';
import { KpiTile } from '@/components/admin/kpi-tile';
import { getAnalytics, serializeAnalytics } from '@/lib/analytics';
import { can, type Role } from '@/lib/auth/roles';

/** The overview's "last 7 days" tiles (a server component: it loads its own figures). */
export async function WeekKpis({ role }: { role: Role }) {
  const week = serializeAnalytics(
    await getAnalytics({ range: 7, revenue: can(role, 'revenue:read') }),
  );
  const keys = [
    'tryons',
    'successRate',
    'creditsSpent',
    week.revenue_visible ? 'revenue' : 'activeUsers',
  ];
  const kpis = keys
    .map((key) => week.kpis.find((k) => k.key === key))
    .filter((k) => k !== undefined);
  return (
    <section aria-labelledby="week" className="space-y-3">
      <div className="flex items-center justify-between gap-3 sm:items-end">
        <h2 id="week" className="text-xl font-semibold text-slate-900">
          Last 7 days
        </h2>
        <Link
          href="/admin/analytics"
          className="text-brand-700 inline-flex items-center text-sm font-medium underline underline-offset-2 max-sm:min-h-11"
        >
          Analytics
        </Link>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {kpis.map((k) => (
          <li key={k.key}>
            <KpiTile kpi={k} currency={week.currency} period="week before" />
          </li>
        ))}
      </ul>
    </section>
  );
}
