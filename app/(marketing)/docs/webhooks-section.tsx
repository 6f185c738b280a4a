import { DataTable } from '@/components/ui/data-table';
import {
  DELIVERY_TIMEOUT_MS,
  DISABLE_AFTER_FAILED_DELIVERIES,
  formatDelay,
  RETRY_SCHEDULE_MS,
} from '@/lib/webhooks/config';
import { SAMPLE_EVENT_DATA } from '@/lib/webhooks/sample-payloads';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/schemas';

const EVENT_TEXT: Record<(typeof WEBHOOK_EVENT_TYPES)[number], string> = {
  'tryon.completed': 'A try-on finished; data.job is the job as GET /tryon/{id} returns it.',
  'tryon.failed': 'A try-on failed; its credits were refunded (data.credits_refunded).',
  'payment.completed': 'A credit purchase was paid and its credits granted.',
  'credits.low': 'Your balance fell below the threshold (fires once per crossing).',
  'widget.tryon.completed':
    'A shopper’s try-on in your storefront widget finished (data.sku, data.product_id, data.job_id).',
};

const VERIFY = `import { Webhook } from 'standardwebhooks'; // npm i standardwebhooks

const wh = new Webhook(process.env.TRAILROOM_WEBHOOK_SECRET); // "whsec_…"

export async function POST(req: Request) {
  const body = await req.text(); // the raw body: verify before parsing
  let event;
  try {
    event = wh.verify(body, Object.fromEntries(req.headers)); // checks signature + timestamp (±5 min)
  } catch {
    return new Response('bad signature', { status: 400 });
  }
  // Retries reuse the same webhook-id: skip ids you have already handled.
  const id = req.headers.get('webhook-id');
  // … handle event.type / event.data …
  return new Response(null, { status: 204 });
}`;

function cumulative(i: number): string {
  const ms = RETRY_SCHEDULE_MS.slice(0, i + 1).reduce((a, b) => a + b, 0);
  if (ms === 0) return 'at once';
  const h = Math.floor(ms / 3_600_000);
  const m = Math.round((ms % 3_600_000) / 60_000);
  return h > 0 ? `${h} h ${m} min` : ms < 60_000 ? `${ms / 1000} s` : `${m} min`;
}

/** The Webhooks section of /docs: events, signatures, retries — all read from lib/webhooks. */
export function WebhooksSection() {
  const code = 'rounded bg-slate-100 px-1';
  return (
    <section aria-labelledby="webhooks-guide" className="mt-10">
      <h2 id="webhooks-guide" className="text-2xl font-semibold text-slate-900">
        Receiving webhooks
      </h2>
      <p className="mt-3 text-slate-700">
        Register an https endpoint on the{' '}
        <a href="/developers/webhooks" className="text-brand-700 underline underline-offset-4">
          Webhooks page
        </a>{' '}
        or with <code className={code}>POST /api/v1/webhooks</code>. We POST JSON,{' '}
        <code className={code}>{'{ "type", "timestamp", "test", "data" }'}</code>, signed per{' '}
        <a
          href="https://www.standardwebhooks.com/"
          className="text-brand-700 underline underline-offset-4"
        >
          Standard Webhooks
        </a>
        : headers <code className={code}>webhook-id</code>,{' '}
        <code className={code}>webhook-timestamp</code> and{' '}
        <code className={code}>webhook-signature</code> (
        <code className={code}>v1,&lt;base64 HMAC-SHA256 of id.timestamp.body&gt;</code>). Verify
        with any Standard Webhooks library and your endpoint’s <code className={code}>whsec_…</code>{' '}
        secret:
      </p>
      <pre
        tabIndex={0}
        className="mt-4 overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm text-slate-100"
      >
        <code>{VERIFY}</code>
      </pre>
      <p className="mt-3 text-slate-700">
        After a secret rotation the old secret keeps signing for 24 hours (two signatures,
        space-separated), so you can switch without losing a message. Delivery is at least once:
        de-duplicate on <code className={code}>webhook-id</code>.
      </p>

      <h3 className="mt-8 text-xl font-semibold text-slate-900">Events</h3>
      <ul className="mt-3 space-y-4">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <li key={type}>
            <p className="text-slate-800">
              <code className="font-mono font-semibold">{type}</code> — {EVENT_TEXT[type]}
            </p>
            <pre
              tabIndex={0}
              className="mt-2 overflow-x-auto rounded-lg bg-slate-50 p-3 text-xs text-slate-800 ring-1 ring-slate-200"
            >
              <code>
                {JSON.stringify(
                  {
                    type,
                    timestamp: '2026-01-15T10:00:09.000Z',
                    test: false,
                    data: SAMPLE_EVENT_DATA[type],
                  },
                  null,
                  2,
                )}
              </code>
            </pre>
          </li>
        ))}
      </ul>

      <h3 className="mt-8 text-xl font-semibold text-slate-900">Retries</h3>
      <p className="mt-3 text-slate-700">
        Answer with any 2xx within {DELIVERY_TIMEOUT_MS / 1000} s. Anything else (another status, a
        redirect, a timeout, a refused connection) is retried on this schedule, with the same{' '}
        <code className={code}>webhook-id</code> and a fresh timestamp and signature. Every attempt
        is logged with its status, latency and the first 1,000 characters of your answer; you can
        redeliver any message from the log.
      </p>
      <div className="mt-4 max-w-md">
        <DataTable
          caption="Webhook retry schedule"
          columns={[
            { label: 'Attempt' },
            { label: 'Wait before it' },
            { label: 'Since the event' },
          ]}
        >
          {RETRY_SCHEDULE_MS.map((ms, i) => (
            <tr key={i}>
              <td className="px-4 py-1.5 tabular-nums">{i + 1}</td>
              <td className="px-4 py-1.5">{formatDelay(ms)}</td>
              <td className="px-4 py-1.5 tabular-nums">{cumulative(i)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
      <p className="mt-3 text-slate-700">
        When {DISABLE_AFTER_FAILED_DELIVERIES} messages in a row have failed every attempt (test
        events aside), the endpoint is disabled and the reason is shown on the Webhooks page; enable
        it again once your receiver is fixed. URLs must be https and may never point at loopback,
        private, link-local or cloud-metadata addresses — checked when you register the endpoint and
        again, by DNS, before every delivery.
      </p>
    </section>
  );
}
