import { apiRoute, queryObject } from '@/lib/api/route';
import { PERMISSIONS } from '@/lib/auth/roles';
import {
  searchUsers,
  searchUsersQuery,
  serializeAdminUser,
  type AdminUserPageJson,
} from '@/lib/users';

// GET /api/admin/users — search people by email or name (support and super admins)
export const GET = apiRoute(
  { auth: 'user', roles: PERMISSIONS['users:read'], sessionOnly: true },
  async ({ req }) => {
    const page = await searchUsers(searchUsersQuery.parse(queryObject(req)));
    const body: AdminUserPageJson = {
      data: page.users.map(serializeAdminUser),
      page: page.page,
      limit: page.limit,
      total: page.total,
    };
    return body;
  },
);
