import { Organization, type OrganizationDoc } from '@/models';
import { recordAudit } from '@/lib/audit';
import { requireMember } from './require-member';
import type { UpdateOrgBody } from './schemas';
import { serializeOrganization, serializeSettings, type OrganizationView } from './serialize';
import type { OrgActionInput } from './types';

/** Renames the organisation or changes its widget settings (owners and admins). */
export async function updateOrgSettings(
  input: OrgActionInput & { changes: UpdateOrgBody },
): Promise<OrganizationView> {
  const { org, membership } = await requireMember(
    input.orgId,
    input.actor.userId,
    'settings:manage',
  );
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, 1> = {};
  const { name, settings } = input.changes;
  if (name !== undefined) $set.name = name;
  if (settings?.widget_retention_hours !== undefined)
    $set['settings.widgetRetentionHours'] = settings.widget_retention_hours;
  if (settings?.visitor_daily_tryons !== undefined)
    $set['settings.visitorDailyTryons'] = settings.visitor_daily_tryons;
  if (settings?.widget_daily_credit_cap !== undefined) {
    if (settings.widget_daily_credit_cap === null) $unset['settings.widgetDailyCreditCap'] = 1;
    else $set['settings.widgetDailyCreditCap'] = settings.widget_daily_credit_cap;
  }
  if (Object.keys($set).length === 0 && Object.keys($unset).length === 0)
    return serializeOrganization(org, membership.role);
  const updated = await Organization.findOneAndUpdate(
    { _id: org._id },
    {
      ...(Object.keys($set).length ? { $set } : {}),
      ...(Object.keys($unset).length ? { $unset } : {}),
    },
    { returnDocument: 'after' },
  ).lean<OrganizationDoc & { createdAt?: Date }>();
  const after = updated ?? org;
  await recordAudit({
    actor: input.actor,
    action: 'organization.update',
    entity: { type: 'organization', id: input.orgId },
    before: { name: org.name, settings: serializeSettings(org) },
    after: { name: after.name, settings: serializeSettings(after) },
    ...(input.meta ? { meta: input.meta } : {}),
  });
  return serializeOrganization(after, membership.role);
}
