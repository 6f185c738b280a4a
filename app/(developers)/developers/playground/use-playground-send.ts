'use client';

import { useEffect, useRef, useState } from 'react';
import type { HttpMethod } from '@/lib/openapi/playground';
import type { AuthMode, Sent } from './playground-parts';

export interface PlaygroundRequest {
  opId: string;
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  auth: AuthMode;
  /** requestSignature of the form it was built from. */
  signature: string;
  payload?: string;
}

/**
 * Sends the playground's request exactly as built and keeps the last
 * response. Deliberately a raw fetch, not lib/client's `api`: the playground
 * shows the API's own answer — status, headers, error envelope, image bytes —
 * and may send with an API key and no cookie. A new request or `cancel`
 * aborts the one in flight.
 */
export function usePlaygroundSend() {
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const abort = useRef<AbortController | null>(null);

  // Release the previous image response's memory.
  useEffect(() => () => void (sent?.imageUrl && URL.revokeObjectURL(sent.imageUrl)), [sent]);

  /** Resolves to a message when the request did not complete, else null. */
  async function send(req: PlaygroundRequest): Promise<string | null> {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setSending(true);
    const started = performance.now();
    try {
      const res = await fetch(req.url, {
        method: req.method.toUpperCase(),
        headers: req.headers,
        // With a key, leave the session cookie out so that the key alone is tested.
        credentials: req.auth === 'key' ? 'omit' : 'same-origin',
        signal: controller.signal,
        ...(req.payload !== undefined ? { body: req.payload } : {}),
      });
      const blob = await res.blob();
      const ms = Math.round(performance.now() - started);
      const type = res.headers.get('content-type') ?? '';
      const result: Sent = {
        opId: req.opId,
        signature: req.signature,
        method: req.method,
        url: req.url,
        status: res.status,
        statusText: res.statusText,
        ms,
        bytes: blob.size,
        headers: [...res.headers.entries()],
      };
      if (type.startsWith('image/')) {
        result.imageUrl = URL.createObjectURL(blob);
      } else {
        const text = await blob.text();
        try {
          result.json = JSON.parse(text);
          result.text = JSON.stringify(result.json, null, 2);
        } catch {
          result.text = text;
        }
      }
      setSent(result);
      return null;
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return null;
      return `The request did not complete: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      setSending(false);
    }
  }

  return { sent, sending, send, cancel: () => abort.current?.abort() };
}
