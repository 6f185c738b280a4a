import { apiRoute } from '@/lib/api/route';
import { rotateWebhookSecret, webhookIdParam } from '@/lib/webhooks';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// POST /api/v1/webhooks/{id}/rotate-secret — new secret; the old one also signs for 24 hours
export const POST = apiRoute<{ id: string }>({ auth: 'user' }, async ({ params, caller }) =>
  rotateWebhookSecret(ownerIdFor(caller, 'webhooks:manage'), webhookIdParam.parse(params).id),
);
