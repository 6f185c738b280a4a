'use client';

import { useState } from 'react';
import { useApiAction } from '@/lib/client/use-api-action';

export interface EndpointMessage {
  kind: 'ok' | 'error';
  text: string;
}

/**
 * One action at a time on an endpoint card: `busy` names the running one,
 * and its outcome (a confirmation sentence or the API's error) is `message`.
 */
export function useEndpointAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const action = useApiAction(async (label: string, fn: () => Promise<string | void>) => {
    setBusy(label);
    setOk(null);
    try {
      const text = await fn();
      if (text) setOk(text);
    } finally {
      setBusy(null);
    }
  });
  const message: EndpointMessage | null = action.error
    ? { kind: 'error', text: action.error }
    : ok
      ? { kind: 'ok', text: ok }
      : null;
  return {
    busy,
    message,
    run: (label: string, fn: () => Promise<string | void>) => void action.run(label, fn),
  };
}
