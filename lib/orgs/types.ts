import type { RequestMeta } from '@/lib/audit';
import type { Role } from '@/models/enums';

/** The person acting on an organisation (audit needs email and platform role too). */
export interface OrgActor {
  userId: string;
  email: string;
  role: Role;
}

export interface OrgActionInput {
  actor: OrgActor;
  orgId: string;
  meta?: RequestMeta;
}
