import { describe, expect, it } from 'vitest';
import { generateWebhookSecret } from '@/lib/webhooks/generate-webhook-secret';
import { signWebhook } from '@/lib/webhooks/sign-webhook';
import { TrailRoomError } from './errors';
import { verifyWebhook } from './webhooks';

// Signed by the server's own code (lib/webhooks), verified by the SDK.
const body = JSON.stringify({
  type: 'tryon.completed',
  timestamp: new Date().toISOString(),
  test: false,
  data: { id: 'job1', status: 'completed' },
});

describe('webhooks.verify()', () => {
  it('accepts the server’s signature and returns the event (plain headers or Headers)', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({
      secrets: [secret],
      messageId: 'msg_1',
      timestamp: new Date(),
      body,
    });
    const event = verifyWebhook(body, headers, secret);
    expect(event.type).toBe('tryon.completed');
    expect(event.data).toMatchObject({ id: 'job1' });
    expect(verifyWebhook(Buffer.from(body), new Headers({ ...headers }), secret)).toEqual(event);
  });

  it('accepts either secret during a rotation', () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signWebhook({
      secrets: [newSecret],
      messageId: 'msg_2',
      timestamp: new Date(),
      body,
    });
    expect(verifyWebhook(body, headers, [oldSecret, newSecret]).type).toBe('tryon.completed');
  });

  it('refuses a changed body, another secret or an old timestamp with invalid_signature', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ secrets: [secret], messageId: 'm', timestamp: new Date(), body });
    const stale = signWebhook({
      secrets: [secret],
      messageId: 'm',
      timestamp: new Date(Date.now() - 10 * 60_000),
      body,
    });
    const attempts = [
      () => verifyWebhook(body.replace('job1', 'job2'), headers, secret),
      () => verifyWebhook(body, headers, generateWebhookSecret()),
      () => verifyWebhook(body, stale, secret),
    ];
    for (const attempt of attempts) {
      const err = (() => {
        try {
          attempt();
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(TrailRoomError);
      expect(err).toMatchObject({ code: 'invalid_signature', status: 400 });
    }
  });
});
