'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '@/lib/client';
import type { WidgetTryonView } from '@/lib/widget/get-widget-tryon';
import { WIDGET_TOKEN_HEADER } from '@/lib/widget/schemas';

export type WidgetStage = 'idle' | 'uploading' | 'queued' | 'processing' | 'completed' | 'failed';

export interface WidgetFailure {
  code: string;
  message: string;
}

const POLL_MS = 1500;

/** What the shopper reads for a refusal: one neutral sentence, or the precise photo problem. */
export function failureMessage(err: unknown): WidgetFailure {
  if (!(err instanceof ApiError))
    return { code: 'network_error', message: 'Could not reach TrailRoom. Check your connection.' };
  switch (err.code) {
    case 'widget_quota_exceeded':
      return {
        code: err.code,
        message: 'You have used all of today’s try-ons for this shop. Come back tomorrow.',
      };
    case 'widget_token_expired':
    case 'widget_token_invalid':
      return {
        code: err.code,
        message: 'This try-on session has expired. Close it and press “Try it on” again.',
      };
    case 'not_found':
    case 'product_inactive':
    case 'product_not_found':
      return { code: err.code, message: 'This product can no longer be tried on.' };
    case 'validation_error':
    case 'image_too_large':
    case 'image_too_small':
    case 'image_corrupt':
    case 'image_dimensions_too_large':
    case 'unsupported_image_type':
    case 'payload_too_large':
    case 'network_error':
      return { code: err.code, message: err.message };
    default:
      return {
        code: err.code,
        message: 'Try-on is unavailable right now. Please try again later.',
      };
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });

/** Submits the shopper's photo for a SKU, then polls the try-on until it is done. */
export function useWidgetTryon(token: string) {
  const [stage, setStage] = useState<WidgetStage>('idle');
  const [job, setJob] = useState<WidgetTryonView | null>(null);
  const [failure, setFailure] = useState<WidgetFailure | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const run = useRef<AbortController | null>(null);

  useEffect(() => () => run.current?.abort(), []);

  const submit = useCallback(
    async (sku: string, photo: Blob) => {
      run.current?.abort();
      const controller = new AbortController();
      run.current = controller;
      const { signal } = controller;
      setFailure(null);
      setJob(null);
      setStage('uploading');
      setStartedAt(Date.now());
      const form = new FormData();
      form.set('token', token);
      form.set('sku', sku);
      form.set('photo', photo, 'photo.jpg');
      try {
        let current = await api<WidgetTryonView>('/api/widget/tryon', { form, signal });
        for (;;) {
          if (signal.aborted) return;
          setJob(current);
          if (current.status === 'completed') return setStage('completed');
          if (current.status === 'failed' || current.status === 'canceled') {
            setStage('failed');
            return setFailure({
              code: current.error?.code ?? 'generation_failed',
              message: current.error?.message ?? 'The try-on could not be made. Try another photo.',
            });
          }
          setStage(current.status === 'processing' ? 'processing' : 'queued');
          await sleep(POLL_MS, signal);
          try {
            current = await api<WidgetTryonView>(`/api/widget/tryon/${current.id}`, {
              headers: { [WIDGET_TOKEN_HEADER]: token },
              signal,
            });
          } catch (err) {
            // A dropped poll is retried; a refusal (expired token, 404) ends it.
            if (!(err instanceof ApiError && err.status === 0)) throw err;
          }
        }
      } catch (err) {
        if (signal.aborted || (err instanceof Error && err.name === 'AbortError')) return;
        setStage('failed');
        setFailure(failureMessage(err));
      }
    },
    [token],
  );

  const reset = useCallback(() => {
    run.current?.abort();
    setStage('idle');
    setJob(null);
    setFailure(null);
  }, []);

  return { stage, job, failure, startedAt, submit, reset };
}
