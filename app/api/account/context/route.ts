import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/api/route';
import { env } from '@/lib/env';
import { ACCOUNT_COOKIE, accountContextBody, setAccountContext } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// POST /api/account/context — act as an organisation ({ org_id }) or as yourself ({ org_id: null }); sets the tr_account cookie
export const POST = apiRoute(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ req, caller }) => {
    const { org_id } = accountContextBody.parse(await readJson(req, 2_000));
    const account = await setAccountContext(caller.userId, org_id);
    const res = NextResponse.json({
      account:
        account.type === 'organization'
          ? {
              type: 'organization',
              org_id: account.orgId,
              name: account.name,
              slug: account.slug,
              role: account.role,
            }
          : { type: 'user' },
    });
    if (account.type === 'organization')
      res.cookies.set(ACCOUNT_COOKIE, account.orgId, {
        httpOnly: true,
        sameSite: 'lax',
        secure: new URL(env.APP_URL).protocol === 'https:',
        path: '/',
        maxAge: 60 * 60 * 24 * 365,
      });
    else res.cookies.delete(ACCOUNT_COOKIE);
    return res;
  },
);
