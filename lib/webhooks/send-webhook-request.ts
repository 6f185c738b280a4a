import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { AppError } from '@/lib/errors';
import { guardedLookup, type AddressPolicy } from '@/lib/net';
import { DELIVERY_TIMEOUT_MS, RESPONSE_EXCERPT_CHARS } from './config';
import { webhookAddressRefusal } from './validate-webhook-url';

export interface WebhookAttemptResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
}

export interface SendOptions {
  policy: AddressPolicy;
  production: boolean;
  timeoutMs?: number;
}

const REFUSED =
  'Refused: the host resolves to an address webhooks may not reach (loopback, private, link-local or metadata)';

function describeError(err: unknown, timeoutMs: number, aborted: boolean): string {
  if (aborted) return `Timed out after ${timeoutMs} ms`;
  if (err instanceof AppError) return REFUSED;
  const code = (err as { code?: unknown })?.code;
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ECONNRESET') return 'Connection reset by the receiver';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The host could not be resolved';
  if (typeof code === 'string' && code.startsWith('ERR_TLS')) return `TLS error (${code})`;
  if (typeof code === 'string' && /CERT|SSL/.test(code)) return `TLS error (${code})`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * POSTs one signed webhook. Never throws: every outcome is an attempt to log.
 * The address is checked again here, inside the socket's own DNS lookup
 * (guardedLookup), so a host that resolved publicly at registration and now
 * resolves to a private address (DNS rebinding) is refused before any byte is
 * sent. Redirects are not followed (a 3xx is a failed attempt), the answer is
 * read only up to the excerpt, and one deadline covers the whole exchange.
 */
export async function sendWebhookRequest(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  opts: SendOptions,
): Promise<WebhookAttemptResult> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const result = (partial: Partial<WebhookAttemptResult>): WebhookAttemptResult => {
    const statusCode = partial.statusCode ?? null;
    return {
      ok: statusCode !== null && statusCode >= 200 && statusCode < 300 && !partial.error,
      statusCode,
      latencyMs: Math.max(0, Math.round(performance.now() - started)),
      responseExcerpt: partial.responseExcerpt ?? null,
      error: partial.error ? partial.error.slice(0, 500) : null,
    };
  };

  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return result({ error: 'The endpoint URL is not valid' });
  }
  if (url.protocol === 'http:' && opts.production)
    return result({ error: 'Refused: webhook URLs must use https' });
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return result({ error: 'Refused: webhook URLs must use https' });
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  // Sockets skip DNS for IP literals, so the guarded lookup never sees them: check here.
  if (isIP(host) && webhookAddressRefusal(host, opts.policy)) return result({ error: REFUSED });

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await new Promise<WebhookAttemptResult>((resolve) => {
      const client = url.protocol === 'https:' ? https : http;
      const payload = Buffer.from(body, 'utf8');
      const req = client.request(
        url,
        {
          method: 'POST',
          agent: false,
          signal: controller.signal,
          lookup: guardedLookup(opts.policy),
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(payload.byteLength),
            'user-agent': 'TrailRoom-Webhooks/1.0',
          },
        },
        (res) => {
          const statusCode = res.statusCode ?? null;
          const chunks: Buffer[] = [];
          let received = 0;
          // UTF-8 is at most 4 bytes a character: this many bytes always hold the excerpt.
          const cap = RESPONSE_EXCERPT_CHARS * 4;
          const finish = () => {
            const text = Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_EXCERPT_CHARS);
            resolve(result({ statusCode, responseExcerpt: text || null }));
          };
          res.on('data', (chunk: Buffer) => {
            if (received >= cap) return;
            chunks.push(chunk.subarray(0, cap - received));
            received += chunk.byteLength;
            if (received >= cap) {
              finish();
              res.destroy();
            }
          });
          res.on('end', finish);
          res.on('error', () => finish());
          res.on('aborted', () => finish());
        },
      );
      req.on('error', (err) =>
        resolve(result({ error: describeError(err, timeoutMs, controller.signal.aborted) })),
      );
      req.end(payload);
    });
  } finally {
    clearTimeout(timer);
  }
}
