import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '@/models';
import { SupportMessage } from '@/models/support-message';
import { resetRateLimits } from '@/lib/rate-limit';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import * as supportRoute from '@/app/api/support/route';
import * as adminSupportRoute from '@/app/api/admin/support/[id]/route';
import { listSupportMessages } from './list-support-messages';
import { supportMessageBody } from './schemas';

const message = (over: Record<string, unknown> = {}) => ({
  topic: 'billing',
  message: 'My purchase did not show up in my balance.',
  ...over,
});

// Signed-out calls here share one bucket (no socket address): each test starts with a full one.
beforeEach(() => resetRateLimits());

describe('support messages', () => {
  it('stores a signed-out message with the address typed, and a signed-in one with the account address', async () => {
    const anon = await callRoute(supportRoute.POST, '/api/support', {
      method: 'POST',
      body: message({ email: 'Someone@Example.com', name: 'Sam' }),
    });
    expect(anon.status).toBe(201);
    expect(anon.body).toEqual({ received: true });
    expect(await SupportMessage.findOne({ email: 'someone@example.com' }).lean()).toMatchObject({
      name: 'Sam',
      topic: 'billing',
      status: 'open',
    });

    const user = await createTestUser();
    const signedIn = await callRoute(supportRoute.POST, '/api/support', {
      method: 'POST',
      token: await sessionToken(user),
      // A typed address is ignored: we answer the account's.
      body: message({ email: 'other@example.com', message: 'Signed in and stuck, please help.' }),
    });
    expect(signedIn.status).toBe(201);
    const stored = await SupportMessage.findOne({ userId: user._id }).lean();
    expect(stored).toMatchObject({
      email: user.email,
      message: 'Signed in and stuck, please help.',
    });
  });

  it('refuses an invalid message with the schema the form uses, and a signed-out one without an address', async () => {
    const short = await callRoute(supportRoute.POST, '/api/support', {
      method: 'POST',
      body: message({ message: 'help', email: 'a@example.com' }),
    });
    expect(short.status).toBe(400);
    expect(supportMessageBody.safeParse(message({ message: 'help' })).success).toBe(false);
    const noEmail = await callRoute(supportRoute.POST, '/api/support', {
      method: 'POST',
      body: message(),
    });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body).toMatchObject({ error: { code: 'validation_error' } });
  });

  it('accepts and drops a message whose honeypot is filled', async () => {
    const before = await SupportMessage.countDocuments({});
    const bot = await callRoute(supportRoute.POST, '/api/support', {
      method: 'POST',
      body: message({ email: 'bot@spam.test', website: 'https://spam.test' }),
    });
    expect(bot.status).toBe(201);
    expect(bot.body).toEqual({ received: true });
    expect(await SupportMessage.countDocuments({})).toBe(before);
  });

  it('limits messages per address: the sixth in ten minutes is refused with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await callRoute(supportRoute.POST, '/api/support', {
        method: 'POST',
        body: message({ email: `flood${i}@example.com` }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('lets a support admin mark a message handled (audited), and nobody else', async () => {
    const sender = await createTestUser();
    const stored = await SupportMessage.create({
      userId: sender._id,
      email: sender.email,
      topic: 'account',
      message: 'Please look at my account.',
    });
    const id = stored._id.toString();
    const shopper = await createTestUser();
    const finance = await createTestUser({ role: 'finance_admin' });
    const support = await createTestUser({ role: 'support_admin' });
    const patch = async (token: string, status: string, target = id) =>
      callRoute(adminSupportRoute.PATCH, `/api/admin/support/${target}`, {
        method: 'PATCH',
        token,
        body: { status },
        params: { id: target },
      });

    expect((await patch(await sessionToken(shopper), 'handled')).status).toBe(403);
    expect((await patch(await sessionToken(finance), 'handled')).status).toBe(403);
    const token = await sessionToken(support);
    expect((await patch(token, 'handled', '0123456789abcdef01234567')).status).toBe(404);
    const res = await patch(token, 'handled');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'handled', handled_at: expect.any(String) });
    const page = await listSupportMessages({ status: 'handled', page: 1, limit: 100 });
    expect(page.data.map((m) => m._id.toString())).toContain(id);
    expect(
      await AuditLog.findOne({ entityType: 'support_message', entityId: id }).lean(),
    ).toMatchObject({ action: 'support_message.handle', actorId: support._id });

    const reopened = await patch(token, 'open');
    expect(reopened.body).toMatchObject({ status: 'open', handled_at: null });
  });
});
