import type { Role } from '@/models/user';
import type { RequestMeta } from '@/lib/audit';

/** The admin performing an action (a resolved Caller fits). */
export interface AdminActor {
  userId: string;
  email: string;
  role: Role;
}

export interface AdminActionInput {
  actor: AdminActor;
  userId: string;
  meta?: RequestMeta;
}

export interface AdminActionResult<T> {
  user: T;
  /** False when the user was already in the requested state (nothing written, nothing audited). */
  changed: boolean;
}
