import { describe, expect, it } from 'vitest';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { generateWebhookSecret } from './generate-webhook-secret';
import { signWebhook } from './sign-webhook';
import { buildWebhookEnvelope } from './build-webhook-envelope';
import { messageIdForEvent } from './events';
import { eventDataSchemas, webhookEnvelopeSchema } from './schemas';
import { SAMPLE_EVENT_DATA } from './sample-payloads';

describe('signWebhook (verified by the Standard Webhooks library)', () => {
  const body = JSON.stringify(
    buildWebhookEnvelope({ type: 'credits.low', occurredAt: new Date(), data: { balance: 9 } }),
  );

  it('produces headers any Standard Webhooks verifier accepts', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = signWebhook({
      secrets: [secret],
      messageId: 'msg_1',
      timestamp: new Date(),
      body,
    });
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toMatchObject({ type: 'credits.low' });
  });

  it('fails verification for another secret, a changed body or an old timestamp', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({
      secrets: [secret],
      messageId: 'msg_1',
      timestamp: new Date(),
      body,
    });
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow(
      WebhookVerificationError,
    );
    expect(() => new Webhook(secret).verify(body.replace('9', '8'), { ...headers })).toThrow(
      WebhookVerificationError,
    );
    const old = signWebhook({
      secrets: [secret],
      messageId: 'msg_1',
      timestamp: new Date(Date.now() - 10 * 60_000),
      body,
    });
    expect(() => new Webhook(secret).verify(body, { ...old })).toThrow(WebhookVerificationError);
  });

  it('during a rotation, signs with both secrets so either verifies', () => {
    const next = generateWebhookSecret();
    const previous = generateWebhookSecret();
    const headers = signWebhook({
      secrets: [next, previous],
      messageId: 'msg_2',
      timestamp: new Date(),
      body,
    });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(next).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
  });
});

describe('message ids and payloads', () => {
  it('derives a stable msg_ id from the event id', () => {
    expect(messageIdForEvent('tryon.completed:abc')).toBe(messageIdForEvent('tryon.completed:abc'));
    expect(messageIdForEvent('tryon.completed:abc')).not.toBe(
      messageIdForEvent('tryon.failed:abc'),
    );
    expect(messageIdForEvent('x')).toMatch(/^msg_[0-9a-f]{32}$/);
  });

  it('every sample payload matches its documented schema', () => {
    for (const type of Object.keys(eventDataSchemas) as Array<keyof typeof eventDataSchemas>) {
      const envelope = buildWebhookEnvelope({
        type,
        occurredAt: '2026-01-15T10:00:00Z',
        data: SAMPLE_EVENT_DATA[type],
        test: true,
      });
      expect(webhookEnvelopeSchema(type).parse(envelope)).toMatchObject({ type, test: true });
    }
  });
});
