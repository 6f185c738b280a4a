'use client';

import { useSyncExternalStore } from 'react';

function format(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}h ${String(m).padStart(2, '0')}m ${String(s).padStart(2, '0')}s`;
}

function subscribe(onTick: () => void): () => void {
  const t = setInterval(onTick, 1000);
  return () => clearInterval(t);
}

// Whole seconds: a stable snapshot between ticks. The server renders a dash.
const clientNow = () => Math.floor(Date.now() / 1000) * 1000;
const serverNow = () => null;

/** Time left until `target`, ticking every second. */
export function Countdown({ target, label }: { target: string; label: string }) {
  const now = useSyncExternalStore(subscribe, clientNow, serverNow);
  const left = now === null ? null : new Date(target).getTime() - now;
  return (
    <span>
      <span className="sr-only">{label} </span>
      <time dateTime={target} className="tabular-nums">
        {left === null ? '—' : left <= 0 ? 'now — refresh' : format(left)}
      </time>
    </span>
  );
}
