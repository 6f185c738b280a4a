import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/caller';
import { getLocalCheckout } from '@/lib/billing';
import { localCheckoutEnabled } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { TestCheckoutClient } from './test-checkout-client';

export const metadata: Metadata = { title: 'Test checkout', robots: { index: false } };
export const dynamic = 'force-dynamic';

/** The local stand-in for Stripe's hosted checkout. Does not exist in production or with a Stripe key. */
export default async function TestCheckoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  /** Optional: the page's own tests render it with params alone. */
  searchParams?: Promise<Record<string, string | undefined>>;
}) {
  if (!localCheckoutEnabled) notFound();
  const { sessionId } = await params;
  const returnTo = (await searchParams)?.return_to === 'studio' ? 'studio' : null;
  const caller = await requirePageUser({
    returnTo: `/billing/test-checkout/${encodeURIComponent(sessionId)}`,
  });
  const checkout = await getLocalCheckout(sessionId, caller.ownerId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  });
  return <TestCheckoutClient checkout={checkout} returnTo={returnTo} />;
}
