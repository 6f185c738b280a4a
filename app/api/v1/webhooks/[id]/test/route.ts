import { apiRoute, readJson } from '@/lib/api/route';
import {
  assertWebhookEndpointInSpace,
  sendTestWebhook,
  testWebhookBody,
  webhookIdParam,
} from '@/lib/webhooks';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// POST /api/v1/webhooks/{id}/test — send a signed sample event to this endpoint
export const POST = apiRoute<{ id: string }>(
  { auth: 'user', rateLimit: 'webhookSend' },
  async ({ req, params, caller }) => {
    const { id } = webhookIdParam.parse(params);
    const body = testWebhookBody.parse(await readJson(req, 10_000));
    await assertWebhookEndpointInSpace(ownerIdFor(caller, 'webhooks:manage'), id, caller);
    return Response.json(
      await sendTestWebhook(ownerIdFor(caller, 'webhooks:manage'), id, body.event_type),
      {
        status: 202,
      },
    );
  },
);
