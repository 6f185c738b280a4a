import type { NextRequest } from 'next/server';
import { apiRoute } from '@/lib/api/route';
import { requestMeta, type RequestMeta } from '@/lib/audit';
import type { Caller } from '@/lib/auth/caller';
import { PERMISSIONS, type Permission } from '@/lib/auth/roles';
import type { Logger } from '@/lib/log';

/** What an admin handler gets: the acting admin, where the request came from (for the audit log), and its params. */
export interface AdminRouteContext<P> {
  req: NextRequest;
  params: P;
  requestId: string;
  log: Logger;
  /** The signed-in admin (a session, never an API key), already checked for the permission. */
  actor: Caller;
  /** IP, user agent and request id, as audit entries record them. */
  meta: RequestMeta;
}

/**
 * The one wrapper of every /api/admin route: a signed-in session (API keys
 * are refused) whose role holds `permission` (lib/auth/roles PERMISSIONS —
 * the same table admin pages ask through requireAdminPage), then apiRoute's
 * rate limit, cross-site check and error envelope.
 */
export function adminRoute<P = Record<string, never>>(
  permission: Permission,
  handler: (ctx: AdminRouteContext<P>) => Promise<unknown>,
) {
  return apiRoute<P, 'user'>(
    { auth: 'user', roles: PERMISSIONS[permission], sessionOnly: true },
    ({ req, params, requestId, log, caller }) =>
      handler({ req, params, requestId, log, actor: caller, meta: requestMeta(req, requestId) }),
  );
}
