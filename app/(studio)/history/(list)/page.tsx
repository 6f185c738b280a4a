import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/caller';
import { env } from '@/lib/env';
import { plural } from '@/lib/format';
import { listTryonJobs, listTryonQuerySchema } from '@/lib/tryon';
import { HistoryClient } from '../history-client';

export const metadata: Metadata = { title: 'History · TrailRoom' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 12;

// The shopper's try-on history: filters, pagination, favourites, delete.
export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await requirePageUser({ returnTo: '/history' });
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === 'string' ? raw[k] : undefined);
  // Unknown filter values are ignored rather than answered with an error page.
  const parsed = listTryonQuerySchema.safeParse({
    page: one('page'),
    limit: String(PAGE_SIZE),
    mode: one('mode'),
    status: one('status'),
    favorite: one('favorite'),
  });
  const query = parsed.success
    ? parsed.data
    : listTryonQuerySchema.parse({ limit: String(PAGE_SIZE) });
  const result = await listTryonJobs(caller.ownerId, query);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">History</h1>
        <p className="text-slate-600">
          Every try-on you have made; open one to compare, download or try it again. Images are kept
          for {plural(env.RETENTION_DAYS, 'day')}.
        </p>
      </header>
      <HistoryClient
        jobs={result.data}
        page={result.page}
        total={result.total}
        limit={result.limit}
        hasMore={result.has_more}
        {...(one('deleted') ? { notice: 'deleted' as const } : {})}
        {...(one('canceled') ? { notice: 'canceled' as const } : {})}
        filters={{
          mode: query.mode ?? '',
          status: query.status ?? '',
          favorite: query.favorite === true,
        }}
      />
    </div>
  );
}
