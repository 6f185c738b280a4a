import { z } from 'zod';
import { ROLES, USER_STATUSES } from '@/models/enums';

export const userIdParam = z.object({
  id: z.string().regex(/^[0-9a-f]{24}$/i, 'must be a user id'),
});

export const searchUsersQuery = z.object({
  /** Part of an email or name (case-insensitive), or an exact user id. */
  q: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchUsersQuery = z.infer<typeof searchUsersQuery>;

const reason = z.string().trim().min(3, 'give a reason (at least 3 characters)').max(500);

export const suspendUserBody = z.object({ reason });
export const unsuspendUserBody = z.object({ reason: reason.optional() });
export const changeRoleBody = z.object({ role: z.enum(ROLES), reason: reason.optional() });

/** The person types their own email to confirm; nothing else deletes an account. */
export const deleteAccountBody = z.object({ confirm_email: z.string().trim().min(1).max(320) });

export const adminUserJson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  image: z.string().nullable(),
  role: z.enum(ROLES),
  status: z.enum(USER_STATUSES),
  provider: z.string().nullable(),
  suspended_reason: z.string().nullable(),
  credits: z.object({ free: z.number().int(), paid: z.number().int(), total: z.number().int() }),
  last_login_at: z.string().nullable(),
  created_at: z.string(),
  deleted_at: z.string().nullable(),
});
export type AdminUserJson = z.infer<typeof adminUserJson>;

export const adminUserPageJson = z.object({
  data: z.array(adminUserJson),
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type AdminUserPageJson = z.infer<typeof adminUserPageJson>;

export const accountJson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  image: z.string().nullable(),
  provider: z.string().nullable(),
  role: z.enum(ROLES),
  created_at: z.string(),
  last_login_at: z.string().nullable(),
});
export type AccountJson = z.infer<typeof accountJson>;

export { ROLES, USER_STATUSES, type Role, type UserStatus } from '@/models/enums';
