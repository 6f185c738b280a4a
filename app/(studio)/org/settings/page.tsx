import type { Metadata } from 'next';
import { SpendCapCard } from '@/components/credits/spend-cap-card';
import { OrgSettingsForm } from '@/components/orgs/org-settings-form';
import { Card } from '@/components/ui/card';
import { requirePageUser } from '@/lib/auth/caller';
import { getAccountSpendCap } from '@/lib/caps';
import { can, getOrganization } from '@/lib/orgs';
import { OrgPageFrame } from '../org-page-frame';

export const metadata: Metadata = { title: 'Settings · Organisation' };
export const dynamic = 'force-dynamic';

/** The active organisation's name and widget settings. */
export default async function OrgSettingsPage() {
  const caller = await requirePageUser({ returnTo: '/org/settings' });
  return (
    <OrgPageFrame caller={caller} title="Settings" what="settings">
      {async (account) => {
        const manageBilling = can(account.role, 'billing:manage');
        const [org, spendCap] = await Promise.all([
          getOrganization(account.orgId, caller.userId),
          manageBilling ? getAccountSpendCap(account.orgId) : null,
        ]);
        return (
          <div className="space-y-6">
            <Card>
              <OrgSettingsForm
                orgId={account.orgId}
                canEdit={can(account.role, 'settings:manage')}
                initial={{
                  name: org.name,
                  widgetRetentionHours: org.settings.widget_retention_hours,
                  visitorDailyTryons: org.settings.visitor_daily_tryons,
                  widgetDailyCreditCap: org.settings.widget_daily_credit_cap ?? null,
                }}
              />
            </Card>
            {spendCap && <SpendCapCard initial={spendCap} accountLabel={account.name} />}
            <Card>
              <h2 className="text-lg font-semibold text-slate-900">About this organisation</h2>
              <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-slate-600">Short name</dt>
                <dd className="break-all text-slate-900">{account.slug}</dd>
                <dt className="text-slate-600">Organisation id</dt>
                <dd className="font-mono text-xs break-all text-slate-900">{account.orgId}</dd>
                <dt className="text-slate-600">Your role</dt>
                <dd className="text-slate-900">{account.role}</dd>
              </dl>
            </Card>
          </div>
        );
      }}
    </OrgPageFrame>
  );
}
