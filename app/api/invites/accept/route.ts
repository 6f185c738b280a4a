import { apiRoute, readJson } from '@/lib/api/route';
import { acceptInvite, acceptInviteBody } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// POST /api/invites/accept — join an organisation with an invitation token (404 unknown, 410 used/expired/revoked, 403 another email)
export const POST = apiRoute(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ req, caller }) => {
    const { token } = acceptInviteBody.parse(await readJson(req, 5_000));
    return acceptInvite({ token, userId: caller.userId, email: caller.email });
  },
);
