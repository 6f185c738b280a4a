import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/caller';
import { accountCan } from '@/lib/orgs';
import { listApiKeys } from '@/lib/apikeys';
import { env } from '@/lib/env';
import { ApiKeysClient } from './api-keys-client';
import { WidgetKeysClient } from './widget-keys-client';

export const metadata: Metadata = { title: 'Developers' };
export const dynamic = 'force-dynamic';

export default async function DevelopersPage() {
  const caller = await requirePageUser({ returnTo: '/developers' });
  // In an organisation, keys and webhooks are for owners and admins.
  if (!accountCan(caller, 'keys:manage')) redirect('/forbidden');
  const keys = await listApiKeys(caller.ownerId);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Developers</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Call the try-on engine from your own code with an API key in the{' '}
          <code className="rounded bg-slate-100 px-1">x-api-key</code> header. Calls with a live key
          (tr_live_…) spend the same credits as the studio; a test key (tr_test_…) is never charged,
          returns local previews and sees only test try-ons and webhooks. A daily credit cap bounds
          what a key can spend.{' '}
          <Link href="/docs" className="text-brand-700 font-medium underline underline-offset-4">
            Read the API docs
          </Link>
          .
        </p>
      </div>
      <ApiKeysClient initialKeys={keys} />
      {caller.account.type === 'organization' && (
        <WidgetKeysClient
          initialKeys={keys.filter((k) => k.kind === 'publishable' && !k.revoked_at)}
          appUrl={new URL(env.APP_URL).origin}
        />
      )}
    </div>
  );
}
