import { adminRoute } from '@/lib/admin';
import { getUserOrThrow, serializeAdminUser, userIdParam } from '@/lib/users';

// GET /api/admin/users/{id} — one person, with status and credit projection
export const GET = adminRoute<{ id: string }>('users:read', async ({ params }) =>
  serializeAdminUser(await getUserOrThrow(userIdParam.parse(params).id)),
);
