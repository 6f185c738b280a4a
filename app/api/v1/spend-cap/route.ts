import { apiRoute, readJson } from '@/lib/api/route';
import { getAccountSpendCap, setAccountSpendCap, updateSpendCapBody } from '@/lib/caps';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// GET /api/v1/spend-cap — the account's monthly spend cap and this month's use of it
export const GET = apiRoute({ auth: 'user' }, async ({ caller }) =>
  getAccountSpendCap(ownerIdFor(caller, 'credits:read')),
);

// PATCH /api/v1/spend-cap — set the account's monthly spend cap in credits (null removes it); signed-in owners/admins only
export const PATCH = apiRoute({ auth: 'user', sessionOnly: true }, async ({ req, caller }) => {
  const { monthly_cap } = updateSpendCapBody.parse(await readJson(req, 10_000));
  return setAccountSpendCap(ownerIdFor(caller, 'billing:manage'), monthly_cap);
});
