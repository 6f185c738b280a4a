// Stripe for end-to-end runs on the production build: stripe-mock (Stripe's
// API emulator) behind a small proxy that remembers what Stripe itself would
// remember and stripe-mock does not (it answers every call with canned
// objects). For each Checkout Session the app creates, the proxy keeps the
// parameters the app sent (amount, currency, metadata, success URL), gives the
// session its own hosted-page URL, PaymentIntent and Charge ids, and answers
// later retrievals of that session with them. Refunds the app creates are
// recorded under their PaymentIntent.
//
// Tests read a session back with GET /__e2e/checkout-sessions/<id> and then
// finish the purchase as Stripe would: a signed `checkout.session.completed`
// to the app's webhook, and the browser sent to the success URL
// (e2e/support/stripe.ts). The SDK reaches the proxy through STRIPE_API_URL.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { ensureStripeMock } from './tools.mjs';
import { freePort, waitForPort } from './ports.mjs';

/** The hosted checkout page of a session (stripe-mock gives every session the same one). */
export const hostedCheckoutUrl = (sessionId) => `https://checkout.stripe.com/c/pay/${sessionId}`;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `metadata[user_id]=…` form fields → { user_id: … } */
function nested(form, prefix) {
  const out = {};
  for (const [k, v] of form) {
    const m = k.match(new RegExp(`^${prefix}\\[([^\\]]+)\\]$`));
    if (m) out[m[1]] = v;
  }
  return out;
}

export async function startStripeStandIn({ port, host = '127.0.0.1' }) {
  const bin = ensureStripeMock();
  const mockPort = await freePort();
  // HTTPS on a port of the system's choosing: stripe-mock otherwise also binds :12112,
  // and a second server on the machine (another e2e run) fails to start.
  const child = spawn(bin, ['-http-addr', `127.0.0.1:${mockPort}`, '-https-addr', '127.0.0.1:'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b) => (stderr = (stderr + b.toString()).slice(-4000)));
  try {
    await waitForPort(mockPort, { timeoutMs: 20_000, child });
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`stripe-mock did not start: ${err.message}\n${stderr}`);
  }

  /** sessionId → what Stripe knows about it. */
  const sessions = new Map();

  const forward = (req, body) =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: `127.0.0.1:${mockPort}` };
      delete headers['accept-encoding'];
      const up = http.request(
        { host: '127.0.0.1', port: mockPort, method: req.method, path: req.url, headers },
        async (res) =>
          resolve({
            status: res.statusCode ?? 502,
            headers: res.headers,
            body: await readBody(res),
          }),
      );
      up.on('error', reject);
      up.end(body);
    });

  const sendJson = (res, status, headers, obj) => {
    const text = JSON.stringify(obj);
    const h = {
      ...headers,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    };
    delete h['transfer-encoding'];
    res.writeHead(status, h).end(text);
  };

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const test = url.pathname.match(/^\/__e2e\/checkout-sessions\/([^/]+)$/);
      if (test && req.method === 'GET') {
        const s = sessions.get(decodeURIComponent(test[1]));
        if (!s) return sendJson(res, 404, {}, { error: 'unknown checkout session' });
        return sendJson(res, 200, {}, s);
      }

      const body = await readBody(req);
      const up = await forward(req, body);
      const isJson = String(up.headers['content-type'] ?? '').includes('json');
      if (!isJson || up.status >= 400) {
        res.writeHead(up.status, up.headers).end(up.body);
        return;
      }
      const json = JSON.parse(up.body.toString('utf8'));

      if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        const form = new URLSearchParams(body.toString('utf8'));
        const suffix = randomBytes(8).toString('hex');
        const quantity = Number(form.get('line_items[0][quantity]') ?? 1);
        const unit = Number(form.get('line_items[0][price_data][unit_amount]') ?? 0);
        const s = {
          id: json.id,
          url: hostedCheckoutUrl(json.id),
          amount_total: unit * quantity,
          currency: form.get('line_items[0][price_data][currency]'),
          client_reference_id: form.get('client_reference_id'),
          customer: form.get('customer'),
          metadata: nested(form, 'metadata'),
          success_url: form.get('success_url'),
          cancel_url: form.get('cancel_url'),
          payment_intent: `pi_e2e_${suffix}`,
          charge: `ch_e2e_${suffix}`,
          refunds: [],
        };
        sessions.set(s.id, s);
        Object.assign(json, {
          url: s.url,
          amount_total: s.amount_total,
          currency: s.currency,
          client_reference_id: s.client_reference_id,
          metadata: s.metadata,
          payment_intent: null,
          status: 'open',
          payment_status: 'unpaid',
        });
      }

      const retrieve = url.pathname.match(/^\/v1\/checkout\/sessions\/([^/]+)$/);
      if (req.method === 'GET' && retrieve) {
        const s = sessions.get(decodeURIComponent(retrieve[1]));
        if (s) {
          json.id = s.id;
          const pi =
            typeof json.payment_intent === 'object' && json.payment_intent
              ? json.payment_intent
              : null;
          if (pi) {
            pi.id = s.payment_intent;
            if (pi.latest_charge && typeof pi.latest_charge === 'object')
              pi.latest_charge.id = s.charge;
            else pi.latest_charge = s.charge;
          } else json.payment_intent = s.payment_intent;
        }
      }

      if (req.method === 'POST' && url.pathname === '/v1/refunds') {
        const form = new URLSearchParams(body.toString('utf8'));
        const intent = form.get('payment_intent');
        const s = [...sessions.values()].find((x) => x.payment_intent === intent);
        const refund = {
          id: json.id,
          amount: Number(form.get('amount')),
          metadata: nested(form, 'metadata'),
        };
        if (s) s.refunds.push(refund);
        Object.assign(json, {
          amount: refund.amount,
          payment_intent: intent,
          charge: s?.charge ?? json.charge,
          status: 'succeeded',
        });
      }

      sendJson(res, up.status, up.headers, json);
    } catch (err) {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });

  return {
    url: `http://${host}:${port}`,
    async stop() {
      await new Promise((resolve) => server.close(() => resolve()));
      child.kill('SIGTERM');
    },
  };
}
