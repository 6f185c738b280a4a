import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { AppError } from '@/lib/errors';
import { imageUrlAllowPrivate, isProduction } from '@/lib/env';
import { assertPublicAddress, guardedLookup, type AddressPolicy } from '@/lib/net';
import { IMAGE_LIMITS } from './limits';

/**
 * Downloads an image named by URL in an API request, guarded against SSRF:
 * https only (plain http only for loopback outside production when
 * IMAGE_URL_ALLOW_PRIVATE is on); every address the host resolves to must be
 * public, checked inside the socket's own DNS lookup so a rebinding answer
 * cannot slip in between check and connect; each redirect hop is checked the
 * same way; one deadline covers the whole exchange; the body is capped while
 * it streams; the response must declare an image type.
 */
export interface FetchImageUrlOptions {
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Defaults to IMAGE_URL_ALLOW_PRIVATE (never in production). Tests set it explicitly. */
  allowLoopback?: boolean;
  signal?: AbortSignal;
}

const MB = 1024 * 1024;

function fail(message: string, details?: unknown, cause?: unknown): AppError {
  return new AppError('image_fetch_failed', message, { details, cause });
}

function parseTarget(raw: string, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('invalid_url', 'The image URL is not a valid URL');
  }
  const httpAllowed = !isProduction && policy.allowLoopback;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpAllowed)) {
    throw new AppError('invalid_url', 'Image URLs must use https');
  }
  if (url.username || url.password)
    throw new AppError('invalid_url', 'Image URLs may not carry credentials');
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  // Sockets skip DNS for IP literals, so the guarded lookup never sees them: check here.
  if (isIP(host)) assertPublicAddress(host, policy);
  // Plain http is only for local test servers: its target must be loopback.
  if (url.protocol === 'http:' && !isIP(host) && host !== 'localhost') {
    throw new AppError('invalid_url', 'Plain http is only allowed for loopback addresses');
  }
  return url;
}

interface Hop {
  redirect?: string;
  data?: Buffer;
}

function requestOnce(
  url: URL,
  policy: AddressPolicy,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: 'GET',
        agent: false,
        signal,
        lookup: guardedLookup(policy, { loopbackOnly: url.protocol === 'http:' }),
        headers: {
          accept: 'image/webp,image/png,image/jpeg,image/*;q=0.8',
          'user-agent': 'TrailRoom-ImageFetch/1.0',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ redirect: res.headers.location });
        }
        if (status < 200 || status >= 300) {
          res.resume();
          return reject(fail(`The image URL answered HTTP ${status}`, { status }));
        }
        const type = (res.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (!type.startsWith('image/') && type !== 'application/octet-stream') {
          res.resume();
          return reject(
            new AppError(
              'unsupported_image_type',
              `The image URL returned ${type || 'no content type'}, not an image`,
              {
                details: { contentType: type },
              },
            ),
          );
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (Number.isFinite(declared) && declared > maxBytes) {
          reject(tooLarge(maxBytes));
          res.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.byteLength;
          if (received > maxBytes) {
            // Settle first: destroying emits errors that must not win the race.
            reject(tooLarge(maxBytes));
            res.destroy();
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ data: Buffer.concat(chunks, received) }));
        res.on('error', (err) => reject(err));
        res.on('aborted', () => reject(fail('The image download was interrupted')));
      },
    );
    req.on('error', (err) => reject(err));
    req.end();
  });
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('image_too_large', `The image at the URL exceeds ${maxBytes / MB} MB`, {
    details: { max: maxBytes },
  });
}

export async function fetchImageUrl(url: string, opts: FetchImageUrlOptions = {}): Promise<Buffer> {
  const maxBytes = opts.maxBytes ?? IMAGE_LIMITS.maxBytes;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxRedirects = opts.maxRedirects ?? 3;
  const policy: AddressPolicy = { allowLoopback: opts.allowLoopback ?? imageUrlAllowPrivate };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
  const onAbort = () => controller.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let target = parseTarget(url, policy);
    for (let hop = 0; ; hop++) {
      let result: Hop;
      try {
        result = await requestOnce(target, policy, maxBytes, controller.signal);
      } catch (err) {
        if (err instanceof AppError) throw err;
        if (controller.signal.aborted) {
          throw fail(
            opts.signal?.aborted
              ? 'The image download was canceled'
              : `The image URL did not answer within ${timeoutMs} ms`,
            {
              timeoutMs,
            },
            err,
          );
        }
        throw fail('The image URL could not be reached', undefined, err);
      }
      if (result.data) return result.data;
      if (hop >= maxRedirects)
        throw fail(`The image URL redirected more than ${maxRedirects} times`);
      target = parseTarget(new URL(result.redirect ?? '', target).toString(), policy);
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
