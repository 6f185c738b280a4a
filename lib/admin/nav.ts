import type { Permission } from '@/lib/auth/roles';

/**
 * The admin navigation as data. Each page is listed with the permission it
 * needs; the layout shows only what the current role can open. Add new admin
 * pages here.
 */
export interface AdminNavItem {
  href: string;
  label: string;
  /** Absent: every admin role. */
  permission?: Permission;
  /** Active only on this exact path (the overview would otherwise match every admin page). */
  exact?: boolean;
}

export const ADMIN_NAV: readonly AdminNavItem[] = [
  { href: '/admin', label: 'Overview', exact: true },
  { href: '/admin/users', label: 'Users', permission: 'users:read' },
  { href: '/admin/organizations', label: 'Organisations', permission: 'users:read' },
  { href: '/admin/support', label: 'Support', permission: 'users:read' },
  { href: '/admin/jobs', label: 'Jobs', permission: 'jobs:manage' },
  { href: '/admin/payments', label: 'Payments', permission: 'payments:read' },
  { href: '/admin/ledger', label: 'Ledger', permission: 'revenue:read' },
  { href: '/admin/audit-logs', label: 'Audit log', permission: 'audit:read' },
  { href: '/admin/analytics', label: 'Analytics', permission: 'analytics:read' },
  { href: '/admin/prompts', label: 'Prompts', permission: 'prompts:manage' },
];
