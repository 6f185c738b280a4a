import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/caller';
import { SuccessClient } from './success-client';

export const metadata: Metadata = { title: 'Payment received' };
export const dynamic = 'force-dynamic';

export default async function BillingSuccessPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const sp = await searchParams;
  await requirePageUser({
    returnTo: `/billing/success${sp.session_id ? `?session_id=${encodeURIComponent(sp.session_id)}` : ''}`,
  });
  return (
    <SuccessClient
      sessionId={sp.session_id ?? null}
      returnTo={sp.return_to === 'studio' ? 'studio' : null}
    />
  );
}
