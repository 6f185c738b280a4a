import { User, type UserDoc } from '@/models';
import type { Role } from '@/models/user';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/roles';
import { AppError, forbidden } from '@/lib/errors';
import { getUserOrThrow } from './get-user-or-throw';
import type { AdminActionInput, AdminActionResult } from './types';

/**
 * Gives a person another role (super admins only). Takes effect on their next
 * request: every server-side check reads the role from the database.
 * Nobody changes their own role, so the last super admin cannot lock everyone out.
 */
export async function changeUserRole(
  input: AdminActionInput & { role: Role; reason?: string },
): Promise<AdminActionResult<UserDoc>> {
  const { actor, userId, role, reason, meta } = input;
  // The route allows super_admin only; checked here too so no other caller can skip it.
  if (!can(actor.role, 'roles:manage')) throw forbidden('Only a super admin can change roles');
  if (actor.userId === userId)
    throw new AppError('invalid_state', 'You cannot change your own role');
  const target = await getUserOrThrow(userId);
  if (target.status === 'deleted')
    throw new AppError('invalid_state', 'This account has been deleted');
  if (target.role === role) return { user: target, changed: false };

  const updated = await User.findOneAndUpdate(
    { _id: target._id },
    { $set: { role } },
    { returnDocument: 'after' },
  ).lean<UserDoc>();
  if (!updated) return { user: await getUserOrThrow(userId), changed: false };

  await recordAudit({
    actor,
    action: 'user.role_change',
    entity: { type: 'user', id: userId },
    before: { role: target.role },
    after: { role },
    reason,
    meta,
  });
  return { user: updated, changed: true };
}
