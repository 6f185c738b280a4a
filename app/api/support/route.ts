import { apiRoute, readJson } from '@/lib/api/route';
import { requestMeta } from '@/lib/audit';
import { createSupportMessage, supportMessageBody } from '@/lib/support';

// POST /api/support — send a message to support (signed in or not; rate-limited; honeypot)
export const POST = apiRoute(
  { auth: 'optional', personal: true, rateLimit: 'supportMessage' },
  async ({ req, caller, requestId }) => {
    const message = supportMessageBody.parse(await readJson(req));
    await createSupportMessage({
      message,
      sender: caller?.via === 'session' ? { userId: caller.userId, email: caller.email } : null,
      meta: requestMeta(req, requestId),
    });
    // The same answer whether the honeypot caught it or not.
    return Response.json({ received: true }, { status: 201 });
  },
);
