import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { deleteAccount, deleteAccountBody, getUserOrThrow, serializeAccount } from '@/lib/users';

// GET /api/account — the signed-in person's profile
export const GET = apiRoute(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ caller }) => serializeAccount(await getUserOrThrow(caller.userId)),
);

// DELETE /api/account — delete the signed-in person's account (they confirm with their email)
export const DELETE = apiRoute(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ req, caller, requestId }) => {
    const { confirm_email } = deleteAccountBody.parse(await readJson(req));
    if (confirm_email.toLowerCase() !== caller.email.toLowerCase()) {
      throw new AppError('validation_error', 'confirm_email: type your account email to confirm');
    }
    const result = await deleteAccount({
      userId: caller.userId,
      meta: requestMeta(req, requestId),
    });
    return { deleted: true, removed: result.removed };
  },
);
