import { apiRoute } from '@/lib/api/route';
import { assertWebhookEndpointInSpace, rotateWebhookSecret, webhookIdParam } from '@/lib/webhooks';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// POST /api/v1/webhooks/{id}/rotate-secret — new secret; the old one also signs for 24 hours
export const POST = apiRoute<{ id: string }>({ auth: 'user' }, async ({ params, caller }) => {
  const { id } = webhookIdParam.parse(params);
  await assertWebhookEndpointInSpace(ownerIdFor(caller, 'webhooks:manage'), id, caller);
  return rotateWebhookSecret(ownerIdFor(caller, 'webhooks:manage'), id);
});
