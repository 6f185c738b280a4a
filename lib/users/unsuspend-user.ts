import { User, type UserDoc } from '@/models';
import { recordAudit } from '@/lib/audit';
import { can, isAdminRole } from '@/lib/auth/roles';
import { AppError, forbidden } from '@/lib/errors';
import { getUserOrThrow } from './get-user-or-throw';
import type { AdminActionInput, AdminActionResult } from './types';

/** Lifts a suspension; the person signs in again (their old sessions stay revoked). */
export async function unsuspendUser(
  input: AdminActionInput & { reason?: string },
): Promise<AdminActionResult<UserDoc>> {
  const { actor, userId, reason, meta } = input;
  const target = await getUserOrThrow(userId);
  if (target.status === 'deleted')
    throw new AppError('invalid_state', 'This account has been deleted');
  if (isAdminRole(target.role) && !can(actor.role, 'roles:manage')) {
    throw forbidden('Only a super admin can lift the suspension of an admin account');
  }
  if (target.status === 'active') return { user: target, changed: false };

  const updated = await User.findOneAndUpdate(
    { _id: target._id, status: 'suspended' },
    { $set: { status: 'active' }, $unset: { suspendedReason: 1 } },
    { returnDocument: 'after' },
  ).lean<UserDoc>();
  if (!updated) return { user: await getUserOrThrow(userId), changed: false };

  await recordAudit({
    actor,
    action: 'user.unsuspend',
    entity: { type: 'user', id: userId },
    before: { status: 'suspended', suspended_reason: target.suspendedReason ?? null },
    after: { status: 'active' },
    reason,
    meta,
  });
  return { user: updated, changed: true };
}
