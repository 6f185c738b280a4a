import type { Role } from '@/models/user';

export type { Role };

/** What each admin role may do (DESIGN.md "Roles and admin"). */
export const PERMISSIONS = {
  'users:read': ['support_admin', 'super_admin'],
  'users:write': ['support_admin', 'super_admin'],
  'credits:adjust': ['support_admin', 'super_admin'],
  'jobs:manage': ['support_admin', 'super_admin'],
  'payments:read': ['finance_admin', 'super_admin'],
  'payments:refund': ['finance_admin', 'super_admin'],
  'revenue:read': ['finance_admin', 'super_admin'],
  /** Rewrite balances from the ledger (POST /api/admin/reconcile); reading the report is 'revenue:read'. */
  'ledger:repair': ['finance_admin', 'super_admin'],
  'prompts:manage': ['super_admin'],
  'roles:manage': ['super_admin'],
  'audit:read': ['support_admin', 'finance_admin', 'super_admin'],
  /** Analytics charts; the revenue series also needs 'revenue:read'. */
  'analytics:read': ['support_admin', 'finance_admin', 'super_admin'],
  /** Recompute (backfill) the daily stats: a heavy write, not for every reader of the charts. */
  'analytics:write': ['finance_admin', 'super_admin'],
  /** Credit adjustments above the single-adjustment threshold (lib/credits/config.ts). */
  'credits:adjust_large': ['super_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ADMIN_ROLES: readonly Role[] = ['support_admin', 'finance_admin', 'super_admin'];

export function isAdminRole(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
