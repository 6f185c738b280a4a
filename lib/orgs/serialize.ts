import type { OrganizationDoc } from '@/models';
import type { OrgRole } from '@/models/enums';
import { ORG_SETTINGS_DEFAULTS } from '@/models/organization';

export interface OrgSettingsView {
  widget_retention_hours: number;
  widget_daily_credit_cap: number | null;
  visitor_daily_tryons: number;
}

export interface OrganizationView {
  id: string;
  name: string;
  slug: string;
  status: OrganizationDoc['status'];
  /** The caller's role (absent in admin views). */
  role?: OrgRole;
  settings: OrgSettingsView;
  credits: { free: number; paid: number; total: number };
  created_at: string;
}

export interface MemberView {
  user_id: string;
  email: string;
  name: string | null;
  role: OrgRole;
  joined_at: string;
}

export interface InviteView {
  id: string;
  role: OrgRole;
  email: string | null;
  created_at: string;
  expires_at: string;
  status: 'pending' | 'used' | 'revoked' | 'expired';
}

export function serializeSettings(org: Pick<OrganizationDoc, 'settings'>): OrgSettingsView {
  const s: {
    widgetRetentionHours?: number | null;
    widgetDailyCreditCap?: number | null;
    visitorDailyTryons?: number | null;
  } = org.settings ?? {};
  return {
    widget_retention_hours: s.widgetRetentionHours ?? ORG_SETTINGS_DEFAULTS.widgetRetentionHours,
    widget_daily_credit_cap: s.widgetDailyCreditCap ?? null,
    visitor_daily_tryons: s.visitorDailyTryons ?? ORG_SETTINGS_DEFAULTS.visitorDailyTryons,
  };
}

export function serializeOrganization(
  org: OrganizationDoc & { createdAt?: Date },
  role?: OrgRole,
): OrganizationView {
  const free = org.freeCredits ?? 0;
  const paid = org.paidCredits ?? 0;
  return {
    id: org._id.toString(),
    name: org.name,
    slug: org.slug,
    status: org.status,
    ...(role ? { role } : {}),
    settings: serializeSettings(org),
    credits: { free, paid, total: free + paid },
    created_at: (org.createdAt ?? new Date(0)).toISOString(),
  };
}

export function inviteStatus(
  inv: { usedAt?: Date | null; revokedAt?: Date | null; expiresAt: Date },
  now = new Date(),
): InviteView['status'] {
  if (inv.usedAt) return 'used';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}
