import type { Metadata } from 'next';
import Link from 'next/link';
import { issuePlaygroundKey } from '@/lib/apikeys';
import { requirePageUser } from '@/lib/auth/caller';
import { accountCan } from '@/lib/orgs';
import { openApiDocument } from '@/lib/openapi/document';
import { playgroundOperations } from '@/lib/openapi/playground';
import { PlaygroundClient } from './playground-client';

export const metadata: Metadata = { title: 'API playground' };
export const dynamic = 'force-dynamic';

export default async function PlaygroundPage({
  searchParams,
}: {
  searchParams: Promise<{ op?: string | string[] }>;
}) {
  const caller = await requirePageUser({ returnTo: '/developers/playground' });
  const { op } = await searchParams;
  // Sends with the playground's own test key by default: trying the API never spends credits.
  const testKey = accountCan(caller, 'keys:manage')
    ? await issuePlaygroundKey(caller.ownerId, caller.userId)
    : undefined;
  const operations = playgroundOperations(openApiDocument());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">API playground</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Try every call of the API from this page — as yourself, or with one of your{' '}
          <Link
            href="/developers"
            className="text-brand-700 font-medium underline underline-offset-4"
          >
            API keys
          </Link>{' '}
          to check that it works. Built from the{' '}
          <a
            href="/api/v1/openapi.json"
            className="text-brand-700 font-medium underline underline-offset-4"
          >
            OpenAPI document
          </a>
          , so it always matches the API. It sends with its own test key (tr_test_…) unless you
          choose otherwise: test calls are never charged and return local previews.
        </p>
      </div>
      <PlaygroundClient
        operations={operations}
        {...(typeof op === 'string' ? { initialOpId: op } : {})}
        {...(testKey ? { testKey } : {})}
      />
    </div>
  );
}
