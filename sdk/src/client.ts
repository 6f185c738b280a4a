import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';
import { createTryonApi, type TryonApi } from './tryon';
import { verifyWebhook } from './webhooks';

export interface TrailRoomOptions {
  /** An API key, `tr_live_…` (sent as `x-api-key`). */
  apiKey: string;
  /** The server's origin, e.g. `https://trailroom.example`; `/api/v1` is added. */
  baseUrl: string;
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/** The typed low-level client: every operation of /api/v1 (`api.GET('/credits')`, …). */
export type TrailRoomApi = Client<paths>;

export interface TrailRoom {
  /** Every operation of the OpenAPI document, typed (openapi-fetch). */
  api: TrailRoomApi;
  tryon: TryonApi;
  webhooks: { verify: typeof verifyWebhook };
}

/** A TrailRoom client: `tryon.create/get/wait/image`, `webhooks.verify`, and `api` for the rest. */
export function createTrailRoom(options: TrailRoomOptions): TrailRoom {
  const origin = options.baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  const api = createClient<paths>({
    baseUrl: `${origin}/api/v1`,
    headers: { ...options.headers, 'x-api-key': options.apiKey },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { api, tryon: createTryonApi(api), webhooks: { verify: verifyWebhook } };
}
