import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/caller';
import { accountCan } from '@/lib/orgs';
import {
  DISABLE_AFTER_FAILED_DELIVERIES,
  formatDelay,
  listWebhookEndpoints,
  MAX_ENDPOINTS_PER_USER,
  RETRY_SCHEDULE_MS,
  WEBHOOK_EVENT_TYPES,
} from '@/lib/webhooks';
import { WebhooksClient } from './webhooks-client';

export const metadata: Metadata = { title: 'Webhooks' };
export const dynamic = 'force-dynamic';

export default async function WebhooksPage() {
  const caller = await requirePageUser({ returnTo: '/developers/webhooks' });
  // In an organisation, keys and webhooks are for owners and admins.
  if (!accountCan(caller, 'webhooks:manage')) redirect('/forbidden');
  const endpoints = await listWebhookEndpoints(caller.ownerId);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Webhooks</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Get a signed HTTPS request the moment a try-on finishes, a payment completes or your
          credits run low. Requests follow the Standard Webhooks specification, so any Standard
          Webhooks library verifies them.{' '}
          <Link
            href="/docs#webhooks-guide"
            className="text-brand-700 font-medium underline underline-offset-4"
          >
            How to verify and what each event carries
          </Link>
          .
        </p>
      </div>
      <WebhooksClient
        initialEndpoints={endpoints}
        eventTypes={[...WEBHOOK_EVENT_TYPES]}
        maxEndpoints={MAX_ENDPOINTS_PER_USER}
        disableAfter={DISABLE_AFTER_FAILED_DELIVERIES}
        schedule={RETRY_SCHEDULE_MS.map(formatDelay)}
      />
    </div>
  );
}
