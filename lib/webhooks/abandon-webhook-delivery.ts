import { WebhookDelivery } from '@/models/webhook-delivery';

/**
 * Settles a delivery whose run died of our own errors (database down through
 * every retry) as failed, so it does not show "pending" forever. Our failure,
 * not the receiver's: no `settledAt`, so it does not count toward disabling the endpoint.
 */
export async function abandonWebhookDelivery(deliveryId: string, reason: string): Promise<void> {
  const now = new Date();
  await WebhookDelivery.updateOne(
    { _id: deliveryId, status: 'pending' },
    {
      $set: {
        status: 'failed',
        failedAt: now,
        lastError: `Delivery stopped by an internal error: ${reason}`.slice(0, 500),
      },
      $unset: { nextAttemptAt: '' },
    },
  );
}
