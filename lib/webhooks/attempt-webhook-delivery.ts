import { isProduction } from '@/lib/env';
import { recordWebhookDelivery } from '@/lib/metrics';
import type { AddressPolicy } from '@/lib/net';
import { WebhookDelivery } from '@/models/webhook-delivery';
import { WebhookEndpoint } from '@/models/webhook-endpoint';
import { webhookAddressPolicy } from './config';
import { refreshEndpointHealth } from './refresh-endpoint-health';
import { sendWebhookRequest } from './send-webhook-request';
import { signWebhook } from './sign-webhook';

export interface AttemptOutcome {
  /** No further attempt of this run is needed. */
  done: boolean;
  status: 'pending' | 'succeeded' | 'failed' | 'gone';
  statusCode?: number | null;
  error?: string | null;
}

export interface AttemptOptions {
  /** A redelivery asked for by the owner (one attempt, outside the schedule). */
  manual?: boolean;
  /** Wait before the next scheduled attempt; null when this is the last one. */
  nextDelayMs?: number | null;
  now?: Date;
  policy?: AddressPolicy;
  production?: boolean;
  timeoutMs?: number;
}

/**
 * One attempt of one delivery: sign with the endpoint's secret(s), POST, and
 * log the attempt (status, latency, answer excerpt, error) on the delivery.
 * 2xx settles it `succeeded`; a failure schedules the next attempt, or after
 * the last one settles it `failed` and re-checks the endpoint's health. A
 * scheduled attempt for a delivery that already settled (a manual redelivery
 * succeeded meanwhile) or whose endpoint is gone does nothing.
 */
export async function attemptWebhookDelivery(
  deliveryId: string,
  opts: AttemptOptions = {},
): Promise<AttemptOutcome> {
  const delivery = await WebhookDelivery.findById(deliveryId).lean();
  if (!delivery) return { done: true, status: 'gone' };
  if (!opts.manual && delivery.status !== 'pending') return { done: true, status: delivery.status };
  const endpoint = await WebhookEndpoint.findById(delivery.endpointId).lean();
  if (!endpoint) return { done: true, status: 'gone' };

  const now = opts.now ?? new Date();
  if (endpoint.enabled === false) {
    // Not sent, so not an attempt; not counted toward the endpoint's health either.
    if (delivery.status === 'pending') {
      await WebhookDelivery.updateOne(
        { _id: delivery._id, status: 'pending' },
        {
          $set: {
            status: 'failed',
            failedAt: now,
            settledAt: now,
            lastError: 'Not sent: the endpoint is disabled',
          },
          $unset: { nextAttemptAt: '' },
        },
      );
    }
    recordWebhookDelivery('endpoint_disabled');
    return { done: true, status: 'failed', error: 'endpoint disabled' };
  }

  const body = JSON.stringify(delivery.payload);
  const secrets = [endpoint.secret];
  if (
    endpoint.previousSecret &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > now
  ) {
    secrets.push(endpoint.previousSecret);
  }
  const headers = signWebhook({ secrets, messageId: delivery.messageId, timestamp: now, body });
  const res = await sendWebhookRequest(
    endpoint.url,
    body,
    { ...headers },
    {
      policy: opts.policy ?? webhookAddressPolicy(),
      production: opts.production ?? isProduction,
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    },
  );
  const error = res.ok ? null : (res.error ?? `HTTP ${res.statusCode}`);
  const attempt = {
    at: now,
    ...(res.statusCode !== null ? { statusCode: res.statusCode } : {}),
    latencyMs: res.latencyMs,
    ...(res.responseExcerpt !== null ? { responseExcerpt: res.responseExcerpt } : {}),
    ...(error ? { error: error.slice(0, 500) } : {}),
    ...(opts.manual ? { manual: true } : {}),
  };
  const settledAt = new Date();

  if (res.ok) {
    await WebhookDelivery.updateOne(
      { _id: delivery._id },
      {
        $push: { attempts: attempt },
        $set: { status: 'succeeded', deliveredAt: settledAt, settledAt },
        $unset: { nextAttemptAt: '', failedAt: '', lastError: '' },
      },
    );
    if (!delivery.test) await refreshEndpointHealth(endpoint._id.toString(), settledAt);
    recordWebhookDelivery('succeeded');
    return { done: true, status: 'succeeded', statusCode: res.statusCode };
  }

  const keepSchedule = opts.manual
    ? delivery.status === 'pending' // a manual try while the schedule still runs leaves it running
    : opts.nextDelayMs != null;
  if (keepSchedule) {
    await WebhookDelivery.updateOne(
      { _id: delivery._id },
      {
        $push: { attempts: attempt },
        $set: {
          lastError: error,
          ...(opts.manual
            ? {}
            : { nextAttemptAt: new Date(now.getTime() + (opts.nextDelayMs ?? 0)) }),
        },
      },
    );
    recordWebhookDelivery('retrying');
    return { done: Boolean(opts.manual), status: 'pending', statusCode: res.statusCode, error };
  }
  await WebhookDelivery.updateOne(
    { _id: delivery._id },
    {
      $push: { attempts: attempt },
      $set: { status: 'failed', failedAt: settledAt, settledAt, lastError: error },
      $unset: { nextAttemptAt: '' },
    },
  );
  if (!delivery.test) await refreshEndpointHealth(endpoint._id.toString(), settledAt);
  recordWebhookDelivery('failed');
  return { done: true, status: 'failed', statusCode: res.statusCode, error };
}
