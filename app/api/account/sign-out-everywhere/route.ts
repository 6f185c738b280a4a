import { apiRoute } from '@/lib/api/route';
import { signOutEverywhere } from '@/lib/users';

// POST /api/account/sign-out-everywhere — revoke every session of the signed-in person, on every device
export const POST = apiRoute(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ caller }) => {
    await signOutEverywhere(caller.userId);
    return { signed_out: true };
  },
);
