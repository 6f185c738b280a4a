import { offsetPage } from '@/lib/api/list';
import { queryObject } from '@/lib/api/route';
import { adminRoute } from '@/lib/admin';
import {
  searchUsers,
  searchUsersQuery,
  serializeAdminUser,
  type AdminUserPageJson,
} from '@/lib/users';

// GET /api/admin/users — search people by email or name (support and super admins)
export const GET = adminRoute('users:read', async ({ req }) => {
  const page = await searchUsers(searchUsersQuery.parse(queryObject(req)));
  const body: AdminUserPageJson = offsetPage(page.users.map(serializeAdminUser), page, page.total);
  return body;
});
