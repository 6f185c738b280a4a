import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/caller';
import { CREDIT_COSTS, getBalance } from '@/lib/credits';
import { resolveProviderForMode } from '@/lib/ai';
import { StudioClient } from './studio-client';

export const metadata: Metadata = { title: 'Studio · TrailRoom' };
export const dynamic = 'force-dynamic';

// The try-on studio: photos in, generated outfit out.
export default async function StudioPage() {
  const caller = await requirePageUser({ returnTo: '/studio' });
  const balance = await getBalance(caller.userId);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Studio</h1>
        <p className="text-slate-600">
          Add a photo of yourself and the garment, and see it on you in about a minute.
        </p>
      </header>
      <StudioClient
        balance={{
          free: balance.free,
          paid: Math.max(0, balance.paid),
          total: balance.free + Math.max(0, balance.paid),
        }}
        costs={{ top: CREDIT_COSTS.top, full: CREDIT_COSTS.full }}
        localPreview={{
          top: resolveProviderForMode('top').provider === 'local',
          full: resolveProviderForMode('full').provider === 'local',
        }}
      />
    </div>
  );
}
