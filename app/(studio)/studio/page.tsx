import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { requirePageUser } from '@/lib/auth/caller';
import { CREDIT_COSTS, DAILY_FREE_CREDITS, getBalance } from '@/lib/credits';
import { resolveProviderForMode } from '@/lib/ai';
import { presetPacks } from '@/lib/pricing';
import { listTryonJobs, listTryonQuerySchema } from '@/lib/tryon';
import { StudioClient } from './studio-client';
import { refillInfo, studioInitial } from './studio-initial';

export const metadata: Metadata = { title: 'Studio · TrailRoom' };
export const dynamic = 'force-dynamic';

// The try-on studio: photos in, generated outfit out.
export default async function StudioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const caller = await requirePageUser({ returnTo: '/studio' });
  const sp = await searchParams;
  const [balance, queued, processing, initial] = await Promise.all([
    getBalance(caller.ownerId),
    listTryonJobs(caller.ownerId, listTryonQuerySchema.parse({ status: 'queued', limit: '5' })),
    listTryonJobs(caller.ownerId, listTryonQuerySchema.parse({ status: 'processing', limit: '5' })),
    studioInitial(caller.ownerId, sp, caller.userId),
  ]);
  const cheapest = presetPacks()[0]!;
  // Try-ons started earlier (another tab, before a reload) keep running: the
  // newest is followed in the studio, any others are pointed to in History.
  const running = queued.total + processing.total;
  const resume = [...queued.data, ...processing.data].sort((a, b) =>
    b.created_at.localeCompare(a.created_at),
  )[0];
  const others = running - (resume ? 1 : 0);
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Studio</h1>
        <p className="text-slate-600">
          Add a photo of yourself and the garment, and see it on you in about a minute.{' '}
          <Link href="/studio/photos" className="text-brand-700 underline underline-offset-2">
            My photos
          </Link>
        </p>
      </header>
      {sp.checkout === 'canceled' ? (
        <Alert tone="info">Checkout cancelled — nothing was charged.</Alert>
      ) : null}
      {others > 0 && (
        <p
          role="status"
          className="rounded-lg border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900"
        >
          {others === 1 ? 'Another try-on you started is' : `${others} more try-ons are`} still
          running.{' '}
          <Link href="/history" className="font-medium underline underline-offset-4">
            Follow {others === 1 ? 'it' : 'them'} in History
          </Link>
          .
        </p>
      )}
      <StudioClient
        balance={{
          free: balance.free,
          paid: Math.max(0, balance.paid),
          total: balance.free + Math.max(0, balance.paid),
        }}
        costs={{
          top: CREDIT_COSTS.top,
          full: CREDIT_COSTS.full,
          one_piece: CREDIT_COSTS.one_piece,
        }}
        localPreview={{
          top: resolveProviderForMode('top').provider === 'local',
          full: resolveProviderForMode('full').provider === 'local',
          one_piece: resolveProviderForMode('one_piece').provider === 'local',
        }}
        {...(resume ? { resume } : {})}
        initial={initial}
        {...refillInfo(balance.nextTopUpAt, DAILY_FREE_CREDITS)}
        cheapest={{
          credits: cheapest.credits,
          totalCents: cheapest.totalCents,
          currency: cheapest.currency,
        }}
      />
    </div>
  );
}
