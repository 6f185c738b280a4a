import { apiRoute } from '@/lib/api';
import { getCheckoutStatus, sessionIdParamSchema } from '@/lib/billing';
import { ownerIdFor } from '@/lib/orgs';

// GET /api/v1/billing/checkout/{sessionId} — a checkout's status and the balance (polled by the success page)
export const GET = apiRoute<{ sessionId: string }>(
  { auth: 'user', sessionOnly: true },
  async ({ params, caller }) => {
    const { sessionId } = sessionIdParamSchema.parse(params);
    return getCheckoutStatus(sessionId, ownerIdFor(caller, 'billing:manage'));
  },
);
