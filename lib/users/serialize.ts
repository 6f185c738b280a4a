import type { UserDoc } from '@/models';
import type { AccountJson, AdminUserJson } from './schemas';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** What an admin sees of a person. Credits come from the ledger projection on the user document. */
export function serializeAdminUser(u: UserDoc): AdminUserJson {
  const free = u.freeCredits ?? 0;
  const paid = u.paidCredits ?? 0;
  return {
    id: u._id.toString(),
    email: u.email,
    name: u.name ?? null,
    image: u.image ?? null,
    role: u.role,
    status: u.status,
    provider: u.provider ?? null,
    suspended_reason: u.suspendedReason ?? null,
    credits: { free, paid, total: free + paid },
    last_login_at: iso(u.lastLoginAt),
    created_at: u.createdAt.toISOString(),
    deleted_at: iso(u.deletedAt),
  };
}

export function serializeAccount(u: UserDoc): AccountJson {
  return {
    id: u._id.toString(),
    email: u.email,
    name: u.name ?? null,
    image: u.image ?? null,
    provider: u.provider ?? null,
    role: u.role,
    created_at: u.createdAt.toISOString(),
    last_login_at: iso(u.lastLoginAt),
  };
}
