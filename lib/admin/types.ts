import type { Role } from '@/lib/auth/roles';

/** The admin acting in a use case (the signed-in caller, as adminRoute hands it over). */
export interface AdminActor {
  userId: string;
  email: string;
  role: Role;
}
