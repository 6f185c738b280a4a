import { apiRoute, readJson } from '@/lib/api/route';
import {
  assertWebhookEndpointInSpace,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  updateWebhookBody,
  updateWebhookEndpoint,
  webhookIdParam,
} from '@/lib/webhooks';
import { ownerIdFor } from '@/lib/orgs';

export const dynamic = 'force-dynamic';

// GET /api/v1/webhooks/{id} — one endpoint, with its signing secret
export const GET = apiRoute<{ id: string }>({ auth: 'user' }, async ({ params, caller }) => {
  const { id } = webhookIdParam.parse(params);
  await assertWebhookEndpointInSpace(ownerIdFor(caller, 'webhooks:manage'), id, caller);
  return getWebhookEndpoint(ownerIdFor(caller, 'webhooks:manage'), id);
});

// PATCH /api/v1/webhooks/{id} — change url, events or description; pause or re-enable
export const PATCH = apiRoute<{ id: string }>({ auth: 'user' }, async ({ req, params, caller }) => {
  const { id } = webhookIdParam.parse(params);
  const body = updateWebhookBody.parse(await readJson(req, 20_000));
  await assertWebhookEndpointInSpace(ownerIdFor(caller, 'webhooks:manage'), id, caller);
  return updateWebhookEndpoint(ownerIdFor(caller, 'webhooks:manage'), id, body);
});

// DELETE /api/v1/webhooks/{id} — delete an endpoint and its delivery log
export const DELETE = apiRoute<{ id: string }>({ auth: 'user' }, async ({ params, caller }) => {
  const { id } = webhookIdParam.parse(params);
  await assertWebhookEndpointInSpace(ownerIdFor(caller, 'webhooks:manage'), id, caller);
  return deleteWebhookEndpoint(ownerIdFor(caller, 'webhooks:manage'), id);
});
