'use client';

import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { PlaygroundOperation } from '@/lib/openapi/playground';
import { formatBytes, KEY_HEADERS, statusTone, type Sent } from './playground-parts';

/** The last response: status, timing, key headers, and the body (JSON, text or an image). */
export function ResponsePanel({
  sent,
  sending,
  current,
  operations,
  onFollowUp,
}: {
  sent: Sent | null;
  sending: boolean;
  /** False once the operation or its inputs changed since `sent` was sent. */
  current: boolean;
  operations: PlaygroundOperation[];
  /** Open a follow-up operation for a resource the response named (and send it, when asked). */
  onFollowUp: (followUp: FollowUp) => void;
}) {
  const shown = current ? sent : null;
  const followUps = findFollowUps(shown, operations);
  const errorCode = (shown?.json as { error?: { code?: string } } | undefined)?.error?.code;
  return (
    <section aria-labelledby="response-heading" aria-busy={sending}>
      <Card>
        <h2 id="response-heading" className="text-base font-semibold text-slate-900">
          Response
        </h2>
        <div aria-live="polite">
          {!shown && !sending && (
            <p className="mt-2 text-sm text-slate-600" data-testid="response-empty">
              {sent
                ? 'Not sent yet: the operation or its inputs changed since the last response. Send the request to see its answer.'
                : 'Send a request to see the status, headers and body the API returns.'}
            </p>
          )}
          {sending && <p className="mt-2 text-sm text-slate-600">Waiting for the API…</p>}
          {shown && !sending && (
            <div className="mt-3 space-y-3" data-testid="response">
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <span
                  className={cn(
                    'rounded px-2 py-0.5 font-mono font-bold',
                    statusTone(shown.status),
                  )}
                  data-testid="response-status"
                >
                  {shown.status} {shown.statusText}
                </span>
                {errorCode && (
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-900">
                    {errorCode}
                  </code>
                )}
                <span className="text-slate-600">
                  {shown.ms} ms · {formatBytes(shown.bytes)}
                </span>
                <code className="text-xs break-all text-slate-600">
                  {shown.method.toUpperCase()} {shown.url}
                </code>
              </div>
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
                {shown.headers
                  .filter(([k]) => KEY_HEADERS.includes(k))
                  .map(([k, v]) => (
                    <div key={k} className="contents">
                      <dt className="font-mono text-slate-600">{k}</dt>
                      <dd className="font-mono break-all text-slate-900">{v}</dd>
                    </div>
                  ))}
              </dl>
              {shown.imageUrl ? (
                <div className="space-y-2">
                  {/* eslint-disable-next-line @next/next/no-img-element -- an object URL */}
                  <img
                    src={shown.imageUrl}
                    alt="The image the API returned"
                    className="max-h-96 rounded-md border border-slate-200"
                  />
                  <a
                    href={shown.imageUrl}
                    download="tryon.webp"
                    className="text-brand-700 text-sm font-medium underline"
                  >
                    Download the image
                  </a>
                </div>
              ) : (
                <pre
                  className="max-h-[28rem] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
                  data-testid="response-body"
                  tabIndex={0}
                  aria-label="Response body"
                >
                  {shown.text || '(empty body)'}
                </pre>
              )}
              {followUps.length > 0 && (
                <div className="flex flex-wrap gap-2">
                  {followUps.map((f) => (
                    <Button
                      key={f.target.id}
                      type="button"
                      variant="secondary"
                      size="sm"
                      className="h-11 max-w-full sm:h-8"
                      onClick={() => onFollowUp(f)}
                    >
                      <span className="truncate">
                        Open GET {f.target.path.replace('{id}', f.id)}
                      </span>
                    </Button>
                  ))}
                </div>
              )}
            </div>
          )}
        </div>
      </Card>
    </section>
  );
}

export interface FollowUp {
  target: PlaygroundOperation;
  id: string;
  /** Send it at once (the image of a completed job), or only fill it in. */
  send: boolean;
}

/**
 * What the response leads to: a created resource can be opened with its
 * GET /…/{id}, and a completed try-on's image with GET /…/{id}/image.
 */
export function findFollowUps(sent: Sent | null, operations: PlaygroundOperation[]): FollowUp[] {
  const json = sent?.json as { id?: unknown; status?: unknown } | undefined;
  const id = json?.id;
  if (!sent || typeof id !== 'string') return [];
  const from = operations.find((o) => o.id === sent.opId);
  // Only where the answer is the resource itself: a nested one (a delivery
  // of a webhook, two path parameters) has an id of another kind.
  if (!from || (from.path.match(/\{/g) ?? []).length > 1) return [];
  const base = from.path.replace(/\/\{id\}.*$/, '');
  const out: FollowUp[] = [];
  const resource = operations.find((o) => o.method === 'get' && o.path === `${base}/{id}`);
  if (resource && resource.id !== from.id) out.push({ target: resource, id, send: false });
  const image = operations.find((o) => o.method === 'get' && o.path === `${base}/{id}/image`);
  if (image && json?.status === 'completed') out.push({ target: image, id, send: true });
  return out;
}
