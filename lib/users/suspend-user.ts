import { User, type UserDoc } from '@/models';
import { recordAudit } from '@/lib/audit';
import { can, isAdminRole } from '@/lib/auth/roles';
import { AppError, forbidden } from '@/lib/errors';
import { getUserOrThrow } from './get-user-or-throw';
import type { AdminActionInput, AdminActionResult } from './types';

/**
 * Suspends a person: they cannot sign in, and every request of theirs
 * (session or API key) gets 403 `account_suspended` from the next one on.
 * The session version is bumped too, so lifting the suspension later does not
 * revive old sessions. Suspending an admin takes `roles:manage`.
 */
export async function suspendUser(
  input: AdminActionInput & { reason: string },
): Promise<AdminActionResult<UserDoc>> {
  const { actor, userId, reason, meta } = input;
  if (actor.userId === userId)
    throw new AppError('invalid_state', 'You cannot suspend your own account');
  const target = await getUserOrThrow(userId);
  if (target.status === 'deleted')
    throw new AppError('invalid_state', 'This account has been deleted');
  if (isAdminRole(target.role) && !can(actor.role, 'roles:manage')) {
    throw forbidden('Only a super admin can suspend an admin account');
  }
  if (target.status === 'suspended') return { user: target, changed: false };

  const updated = await User.findOneAndUpdate(
    { _id: target._id, status: 'active' },
    { $set: { status: 'suspended', suspendedReason: reason }, $inc: { sessionVersion: 1 } },
    { returnDocument: 'after' },
  ).lean<UserDoc>();
  // Lost a race with another admin's change: report the state as it is now.
  if (!updated) return { user: await getUserOrThrow(userId), changed: false };

  await recordAudit({
    actor,
    action: 'user.suspend',
    entity: { type: 'user', id: userId },
    before: { status: target.status },
    after: { status: 'suspended', suspended_reason: reason },
    reason,
    meta,
  });
  return { user: updated, changed: true };
}
