import type { WebhookEventType } from './schemas';

/**
 * Example `data` of each event, the shapes real events carry (see
 * lib/tryon/announce-job-completed.ts, fail-and-refund-job.ts,
 * lib/billing/grant-payment.ts, lib/credits/ledger.ts). Used by "send test
 * event" and shown on the docs page.
 */
const job = {
  id: '665f1c2e8a1b2c3d4e5f6a7b',
  mode: 'top',
  credits_used: 1,
  source: 'api',
  provider: 'local',
  favorite: false,
  livemode: true,
  samples: 1,
  samples_failed: 0,
  seed: 1234,
  retry_count: 0,
  created_at: '2026-01-15T10:00:00.000Z',
  started_at: '2026-01-15T10:00:01.000Z',
};

export const SAMPLE_EVENT_DATA: Record<WebhookEventType, Record<string, unknown>> = {
  'tryon.completed': {
    job: {
      ...job,
      status: 'completed',
      output_image_url: 'https://trailroom.example/api/v1/tryon/665f1c2e8a1b2c3d4e5f6a7b/image',
      outputs: [
        {
          sample: 1,
          url: 'https://trailroom.example/api/v1/tryon/665f1c2e8a1b2c3d4e5f6a7b/image?output=1',
          seed: 1234,
          favorite: false,
        },
      ],
      completed_at: '2026-01-15T10:00:09.000Z',
      processing_ms: 8000,
    },
  },
  'tryon.failed': {
    job: {
      ...job,
      status: 'failed',
      outputs: [],
      error: { code: 'generation_failed', message: 'The try-on could not be generated.' },
      completed_at: '2026-01-15T10:00:09.000Z',
    },
    credits_refunded: 1,
  },
  'payment.completed': {
    payment_id: '665f1c2e8a1b2c3d4e5f6a7c',
    checkout_session_id: 'cs_test_a1b2c3',
    credits: 2100,
    amount_cents: 3780,
    currency: 'usd',
    pricing_version: '2026-01',
    status: 'paid',
  },
  'credits.low': { balance: 9, free_credits: 0, paid_credits: 9, threshold: 10 },
  'widget.tryon.completed': {
    job_id: '665f1c2e8a1b2c3d4e5f6a7b',
    sku: 'TEE-BLUE-M',
    product_id: '665f1c2e8a1b2c3d4e5f6a7d',
    api_key_id: '665f1c2e8a1b2c3d4e5f6a7e',
    origin: 'https://shop.example',
    completed_at: '2026-01-15T10:00:09.000Z',
  },
};
