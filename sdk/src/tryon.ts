import type { Client } from 'openapi-fetch';
import { parseRetryAfter, TrailRoomError } from './errors';
import { unwrap } from './unwrap';
import type { paths } from './schema';

/** A try-on job as the API returns it. */
export type TryonJob = paths['/tryon/{id}']['get']['responses'][200]['content']['application/json'];
export type TryonJobStatus = TryonJob['status'];
export type TryonMode = TryonJob['mode'];
/** The JSON body of POST /tryon. */
export type CreateTryonBody = NonNullable<
  paths['/tryon']['post']['requestBody']
>['content']['application/json'];

/**
 * An image: a file's bytes (Blob/File, Buffer, Uint8Array, ArrayBuffer) — sent as
 * base64 — or a string: an https URL the server fetches, a data: URI or base64.
 * JPEG, PNG or WebP, at most 10 MB.
 */
export type ImageInput = string | Blob | ArrayBuffer | ArrayBufferView;

export interface CreateTryonInput {
  /**
   * `top` (1 credit), `full` (2 credits, needs bottomImage) or `one_piece` (2 credits: a dress
   * or jumpsuit in topImage). Default: `full` when bottomImage is given, else `top`.
   */
  mode?: TryonMode;
  userImage: ImageInput;
  topImage: ImageInput;
  bottomImage?: ImageInput;
  /** Results to generate, 1–4 (the cost is the mode's × samples; a failed one is refunded). */
  samples?: number;
  /** Result n uses seed + n − 1: the same seed asks for the same picture. */
  seed?: number;
  /** Replays with the same key return the same job instead of charging again. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface WaitOptions {
  /** Give up after this long (default 120 s): TrailRoomError `timeout`. */
  timeoutMs?: number;
  /** First pause between polls (default 500 ms). */
  intervalMs?: number;
  /** Longest pause between polls (default 5 s). */
  maxIntervalMs?: number;
  /** Growth of the pause after each poll (default 1.5). */
  factor?: number;
  signal?: AbortSignal;
  /** Called with each job read while waiting. */
  onPoll?: (job: TryonJob) => void;
}

export interface TryonApi {
  /** POST /tryon: submits a job (the cost is reserved now) and returns it, queued. */
  create(input: CreateTryonInput): Promise<TryonJob>;
  /** GET /tryon/{id}. */
  get(id: string, options?: { signal?: AbortSignal }): Promise<TryonJob>;
  /**
   * Polls GET /tryon/{id} with exponential back-off until the job is `completed`,
   * `failed` or `canceled` and returns it (check `status`; a failed job's cost is
   * refunded). Honours Retry-After; 429, 502–504 and network errors are retried.
   */
  wait(id: string, options?: WaitOptions): Promise<TryonJob>;
  /** GET /tryon/{id}/image: the generated image (WebP, or JPEG with format=jpeg; w = thumbnail width). */
  image(
    id: string,
    options?: { format?: 'webp' | 'jpeg'; w?: '160' | '320' | '640'; signal?: AbortSignal },
  ): Promise<Blob>;
}

export const TERMINAL_STATUSES: readonly TryonJobStatus[] = ['completed', 'failed', 'canceled'];

function toBase64(bytes: Uint8Array): string {
  const NodeBuffer = (
    globalThis as {
      Buffer?: { from(b: Uint8Array): { toString(encoding: 'base64'): string } };
    }
  ).Buffer;
  if (NodeBuffer) return NodeBuffer.from(bytes).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The JSON field for one image: strings as given, bytes as base64 (a data: URI when the type is known). */
export async function encodeImage(image: ImageInput): Promise<string> {
  if (typeof image === 'string') return image;
  if (typeof Blob !== 'undefined' && image instanceof Blob) {
    const b64 = toBase64(new Uint8Array(await image.arrayBuffer()));
    return image.type.startsWith('image/') ? `data:${image.type};base64,${b64}` : b64;
  }
  if (image instanceof ArrayBuffer) return toBase64(new Uint8Array(image));
  const view = image as ArrayBufferView;
  return toBase64(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createTryonApi(api: Client<paths>): TryonApi {
  async function read(id: string, signal?: AbortSignal) {
    return unwrap(() => api.GET('/tryon/{id}', { params: { path: { id } }, signal }));
  }

  return {
    async create(input) {
      const body = {
        mode: input.mode ?? (input.bottomImage === undefined ? 'top' : 'full'),
        user_image: await encodeImage(input.userImage),
        top_image: await encodeImage(input.topImage),
        ...(input.bottomImage === undefined
          ? {}
          : { bottom_image: await encodeImage(input.bottomImage) }),
        ...(input.samples === undefined ? {} : { samples: input.samples }),
        ...(input.seed === undefined ? {} : { seed: input.seed }),
      } satisfies CreateTryonBody;
      const { data } = await unwrap(() =>
        api.POST('/tryon', {
          body,
          params: { header: { 'Idempotency-Key': input.idempotencyKey } },
          signal: input.signal,
        }),
      );
      return data;
    },

    async get(id, options) {
      return (await read(id, options?.signal)).data;
    },

    async wait(id, options = {}) {
      const {
        timeoutMs = 120_000,
        intervalMs = 500,
        maxIntervalMs = 5_000,
        factor = 1.5,
        signal,
      } = options;
      const deadline = Date.now() + timeoutMs;
      let pause = intervalMs;
      for (;;) {
        let retryAfter: number | undefined;
        try {
          const { data, response } = await read(id, signal);
          options.onPoll?.(data);
          if (TERMINAL_STATUSES.includes(data.status)) return data;
          retryAfter = parseRetryAfter(response.headers.get('retry-after'));
        } catch (err) {
          const retryable =
            err instanceof TrailRoomError &&
            (err.code === 'network_error' || RETRYABLE_STATUS.has(err.status));
          if (!retryable) throw err;
          retryAfter = err.retryAfter;
        }
        // The server's Retry-After wins over our own schedule (it may be longer or shorter).
        const delay = retryAfter !== undefined ? retryAfter * 1000 : pause;
        pause = Math.min(maxIntervalMs, pause * factor);
        if (Date.now() + delay > deadline) {
          throw new TrailRoomError({
            code: 'timeout',
            status: 0,
            message: `Try-on ${id} did not finish within ${timeoutMs} ms`,
          });
        }
        await sleep(delay, signal);
      }
    },

    async image(id, options = {}) {
      const { signal, format, w } = options;
      const { data } = await unwrap(() =>
        api.GET('/tryon/{id}/image', {
          params: { path: { id }, query: { format, w } },
          parseAs: 'blob',
          signal,
        }),
      );
      return data;
    },
  };
}
