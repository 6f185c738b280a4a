import { apiRoute } from '@/lib/api/route';
import { rotateWebhookSecret, webhookIdParam } from '@/lib/webhooks';

export const dynamic = 'force-dynamic';

// POST /api/v1/webhooks/{id}/rotate-secret — new secret; the old one also signs for 24 hours
export const POST = apiRoute<{ id: string }>({ auth: 'user' }, async ({ params, caller }) =>
  rotateWebhookSecret(caller.userId, webhookIdParam.parse(params).id),
);
