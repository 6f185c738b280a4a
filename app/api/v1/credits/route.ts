import { apiRoute } from '@/lib/api/route';
import { getBalance, serializeBalance } from '@/lib/credits';

export const dynamic = 'force-dynamic';

// GET /api/v1/credits — the caller's free and paid balance (tops up today's free credits)
export const GET = apiRoute({ auth: 'user' }, async ({ caller }) =>
  serializeBalance(await getBalance(caller.ownerId)),
);
