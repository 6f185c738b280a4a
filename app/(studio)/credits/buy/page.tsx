import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/caller';
import { accountCan } from '@/lib/orgs';
import { getBalance } from '@/lib/credits';
import { presetPacks } from '@/lib/pricing';
import { BuyClient } from './buy-client';

export const metadata: Metadata = { title: 'Buy credits · TrailRoom' };
export const dynamic = 'force-dynamic';

/**
 * Buying credits inside the signed-in app: the packs, then the checkout, then
 * back where the shopper came from (`?return_to=studio` keeps the studio's
 * photos and mode, paid or cancelled).
 */
export default async function BuyCreditsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const sp = await searchParams;
  const returnTo = sp.return_to === 'studio' ? 'studio' : null;
  const caller = await requirePageUser({
    returnTo: `/credits/buy${returnTo ? '?return_to=studio' : ''}`,
  });
  // In an organisation, buying and payments are for owners and admins.
  if (!accountCan(caller, 'billing:manage')) redirect('/forbidden');
  const balance = await getBalance(caller.ownerId);
  const packs = presetPacks();
  const asked = Number(sp.credits);
  const initial = packs.some((p) => p.credits === asked) ? asked : packs[0]!.credits;
  return (
    <div className="mx-auto flex w-full max-w-3xl min-w-0 flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
          Buy credits
        </h1>
        <p className="text-slate-600">
          You have {balance.free + Math.max(0, balance.paid)} credits. A top try-on costs 1 credit,
          a full outfit 2.
        </p>
      </header>
      <BuyClient packs={packs} initialCredits={initial} returnTo={returnTo} />
    </div>
  );
}
