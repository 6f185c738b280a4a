import { apiRoute, readJson } from '@/lib/api/route';
import {
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  updateWebhookBody,
  updateWebhookEndpoint,
  webhookIdParam,
} from '@/lib/webhooks';

export const dynamic = 'force-dynamic';

// GET /api/v1/webhooks/{id} — one endpoint, with its signing secret
export const GET = apiRoute<{ id: string }>({ auth: 'user' }, async ({ params, caller }) =>
  getWebhookEndpoint(caller.userId, webhookIdParam.parse(params).id),
);

// PATCH /api/v1/webhooks/{id} — change url, events or description; pause or re-enable
export const PATCH = apiRoute<{ id: string }>({ auth: 'user' }, async ({ req, params, caller }) => {
  const { id } = webhookIdParam.parse(params);
  const body = updateWebhookBody.parse(await readJson(req, 20_000));
  return updateWebhookEndpoint(caller.userId, id, body);
});

// DELETE /api/v1/webhooks/{id} — delete an endpoint and its delivery log
export const DELETE = apiRoute<{ id: string }>({ auth: 'user' }, async ({ params, caller }) =>
  deleteWebhookEndpoint(caller.userId, webhookIdParam.parse(params).id),
);
