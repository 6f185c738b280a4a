import { apiRoute } from '@/lib/api/route';
import { PERMISSIONS } from '@/lib/auth/roles';
import { getUserOrThrow, serializeAdminUser, userIdParam } from '@/lib/users';

// GET /api/admin/users/{id} — one person, with status and credit projection
export const GET = apiRoute<{ id: string }>(
  { auth: 'user', roles: PERMISSIONS['users:read'], sessionOnly: true },
  async ({ params }) => serializeAdminUser(await getUserOrThrow(userIdParam.parse(params).id)),
);
