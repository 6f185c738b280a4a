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
  operations,
  onFollowUp,
}: {
  sent: Sent | null;
  sending: boolean;
  operations: PlaygroundOperation[];
  /** Open GET /…/{id} for a resource the response named. */
  onFollowUp: (target: PlaygroundOperation, id: string) => void;
}) {
  const followUp = findFollowUp(sent, operations);
  const errorCode = (sent?.json as { error?: { code?: string } } | undefined)?.error?.code;
  return (
    <section aria-labelledby="response-heading" aria-busy={sending}>
      <Card>
        <h2 id="response-heading" className="text-base font-semibold text-slate-900">
          Response
        </h2>
        <div aria-live="polite">
          {!sent && !sending && (
            <p className="mt-2 text-sm text-slate-600">
              Send a request to see the status, headers and body the API returns.
            </p>
          )}
          {sending && <p className="mt-2 text-sm text-slate-600">Waiting for the API…</p>}
          {sent && !sending && (
            <div className="mt-3 space-y-3" data-testid="response">
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <span
                  className={cn('rounded px-2 py-0.5 font-mono font-bold', statusTone(sent.status))}
                  data-testid="response-status"
                >
                  {sent.status} {sent.statusText}
                </span>
                {errorCode && (
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-900">
                    {errorCode}
                  </code>
                )}
                <span className="text-slate-600">
                  {sent.ms} ms · {formatBytes(sent.bytes)}
                </span>
                <code className="text-xs break-all text-slate-600">
                  {sent.method.toUpperCase()} {sent.url}
                </code>
              </div>
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
                {sent.headers
                  .filter(([k]) => KEY_HEADERS.includes(k))
                  .map(([k, v]) => (
                    <div key={k} className="contents">
                      <dt className="font-mono text-slate-600">{k}</dt>
                      <dd className="font-mono break-all text-slate-900">{v}</dd>
                    </div>
                  ))}
              </dl>
              {sent.imageUrl ? (
                <div className="space-y-2">
                  {/* eslint-disable-next-line @next/next/no-img-element -- an object URL */}
                  <img
                    src={sent.imageUrl}
                    alt="The image the API returned"
                    className="max-h-96 rounded-md border border-slate-200"
                  />
                  <a
                    href={sent.imageUrl}
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
                  {sent.text || '(empty body)'}
                </pre>
              )}
              {followUp && (
                <Button
                  type="button"
                  variant="secondary"
                  size="sm"
                  onClick={() => onFollowUp(followUp.target, followUp.id)}
                >
                  Open GET {followUp.target.path.replace('{id}', followUp.id)}
                </Button>
              )}
            </div>
          )}
        </div>
      </Card>
    </section>
  );
}

/** A created or listed resource can be opened with its GET /…/{id} operation. */
function findFollowUp(
  sent: Sent | null,
  operations: PlaygroundOperation[],
): { target: PlaygroundOperation; id: string } | null {
  const id = (sent?.json as { id?: unknown } | undefined)?.id;
  if (!sent || typeof id !== 'string') return null;
  const from = operations.find((o) => o.id === sent.opId);
  // Only where the answer is the resource itself: a nested one (a delivery
  // of a webhook, two path parameters) has an id of another kind.
  if (!from || (from.path.match(/\{/g) ?? []).length > 1) return null;
  const base = from.path.replace(/\/\{id\}.*$/, '');
  const target = operations.find((o) => o.method === 'get' && o.path === `${base}/{id}`);
  return target ? { target, id } : null;
}
