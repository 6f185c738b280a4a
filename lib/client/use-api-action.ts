'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './api-error';

export interface ApiAction<A extends unknown[], R> {
  /** Runs the action; resolves to its result, or undefined when it failed (see `error`). */
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  /** The failure's message (the envelope's), or null. */
  error: string | null;
  /** The thrown value of the last failure (an ApiError for API failures). */
  failure: unknown;
  result: R | undefined;
  reset: () => void;
  setError: (message: string | null) => void;
}

/**
 * Pending / error / result for one mutation. A second `run` while one is
 * pending is ignored, so a double-click sends once.
 */
export function useApiAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  opts: { fallback?: string } = {},
): ApiAction<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<R | undefined>(undefined);
  const busy = useRef(false);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  const fallback = opts.fallback;

  const run = useCallback(
    async (...args: A) => {
      if (busy.current) return undefined;
      busy.current = true;
      setPending(true);
      setError(null);
      setFailure(null);
      try {
        const r = await latest.current(...args);
        setResult(r);
        return r;
      } catch (err) {
        setFailure(err);
        setError(errorMessage(err, fallback));
        return undefined;
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [fallback],
  );

  const reset = useCallback(() => {
    setError(null);
    setFailure(null);
    setResult(undefined);
  }, []);

  return { run, pending, error, failure, result, reset, setError };
}
