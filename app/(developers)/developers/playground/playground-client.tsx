'use client';

import {
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type FormEvent,
} from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import {
  buildRequestUrl,
  curlCommand,
  type HttpMethod,
  type PlaygroundField,
  type PlaygroundOperation,
} from '@/lib/openapi/playground';
import { takeHandedOverKey } from './key-handoff';

type AuthMode = 'session' | 'key';

interface Sent {
  opId: string;
  method: HttpMethod;
  url: string;
  status: number;
  statusText: string;
  ms: number;
  bytes: number;
  headers: Array<[string, string]>;
  /** Pretty JSON or text; absent for images. */
  text?: string;
  /** Object URL of an image response. */
  imageUrl?: string;
  json?: unknown;
}

const METHOD_STYLE: Record<HttpMethod, string> = {
  get: 'bg-sky-100 text-sky-900',
  post: 'bg-emerald-100 text-emerald-900',
  put: 'bg-amber-100 text-amber-900',
  patch: 'bg-amber-100 text-amber-900',
  delete: 'bg-red-100 text-red-900',
};

/** Response headers worth showing; the rest are in the full list. */
const KEY_HEADERS = ['content-type', 'retry-after', 'x-request-id', 'cache-control', 'etag'];

function MethodBadge({ method }: { method: HttpMethod }) {
  return (
    <span
      className={cn(
        'inline-block w-14 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-[11px] font-bold uppercase',
        METHOD_STYLE[method],
      )}
    >
      {method}
    </span>
  );
}

function statusTone(status: number): string {
  if (status < 300) return 'bg-emerald-100 text-emerald-900';
  if (status < 500) return 'bg-amber-100 text-amber-900';
  return 'bg-red-100 text-red-900';
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

interface Attachment {
  label: string;
  placeholder: string;
  dataUrl: string;
}

const noSubscription = () => () => {};

function initialValues(op: PlaygroundOperation): Record<string, string> {
  return Object.fromEntries(op.fields.map((f) => [`${f.in}.${f.name}`, '']));
}

/**
 * The in-browser API playground: every operation of the OpenAPI document,
 * a form for its inputs, sent from this tab with the session or an API key
 * (kept in memory only), and the response as the API returned it.
 */
export function PlaygroundClient({
  operations,
  initialOpId,
}: {
  operations: PlaygroundOperation[];
  initialOpId?: string;
}) {
  const [opId, setOpId] = useState(
    operations.some((o) => o.id === initialOpId) ? initialOpId! : operations[0]!.id,
  );
  const op = operations.find((o) => o.id === opId) ?? operations[0]!;
  const [auth, setAuth] = useState<AuthMode>('session');
  const [apiKey, setApiKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  // Inputs per operation, so switching back and forth keeps what was typed.
  const [values, setValues] = useState<Record<string, Record<string, string>>>({});
  const [bodies, setBodies] = useState<Record<string, string>>({});
  // Picked images, kept out of the editable body (a placeholder stands in for each).
  const [files, setFiles] = useState<Record<string, Attachment>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [copied, setCopied] = useState(false);
  // The page's origin, for the curl command (a placeholder while server-rendering).
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => 'https://your-trailroom-host',
  );
  const abort = useRef<AbortController | null>(null);

  const opValues = values[op.id] ?? initialValues(op);
  const body = bodies[op.id] ?? op.body?.example ?? '';

  // A key just created on the Developers page arrives once through sessionStorage.
  useEffect(() => {
    const key = takeHandedOverKey();
    if (!key) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one read of browser storage after hydration
    setApiKey(key);
    setAuth('key');
  }, []);
  // Release the previous image response's memory.
  useEffect(() => () => void (sent?.imageUrl && URL.revokeObjectURL(sent.imageUrl)), [sent]);

  const groups = useMemo(() => {
    const map = new Map<string, PlaygroundOperation[]>();
    for (const o of operations) map.set(o.tag, [...(map.get(o.tag) ?? []), o]);
    return [...map.entries()];
  }, [operations]);

  function select(id: string) {
    setOpId(id);
    setFormError(null);
    const url = new URL(window.location.href);
    url.searchParams.set('op', id);
    window.history.replaceState(null, '', url);
  }

  function setValue(key: string, value: string, forOp = op) {
    setValues((all) => ({
      ...all,
      [forOp.id]: { ...(all[forOp.id] ?? initialValues(forOp)), [key]: value },
    }));
  }

  function requestHeaders(forCurl: boolean): Record<string, string> {
    const headers: Record<string, string> = {};
    if (auth === 'key') headers['x-api-key'] = forCurl ? '$TRAILROOM_API_KEY' : apiKey.trim();
    for (const f of op.fields) {
      const v = opValues[`header.${f.name}`]?.trim();
      if (f.in === 'header' && v) headers[f.name] = v;
    }
    if (op.body) headers['content-type'] = 'application/json';
    return headers;
  }

  const curl = useMemo(() => {
    try {
      return curlCommand({
        origin,
        method: op.method,
        url: buildRequestUrl(op, opValues),
        headers: requestHeaders(true),
        ...(op.body ? { body } : {}),
      });
    } catch {
      return null;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- requestHeaders reads these
  }, [op, opValues, body, auth, origin]);

  async function onPickImage(field: string, e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setFormError(null);
    try {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      const label = `${file.name} (${formatBytes(file.size)})`;
      const placeholder = `<attached: ${file.name}>`;
      const dataUrl = await readAsDataUrl(file);
      parsed[field] = placeholder;
      setBodies((all) => ({ ...all, [op.id]: JSON.stringify(parsed, null, 2) }));
      setFiles((all) => ({ ...all, [`${op.id}.${field}`]: { label, placeholder, dataUrl } }));
    } catch (err) {
      setFormError(
        err instanceof SyntaxError
          ? 'Fix the JSON body first: the image is placed into it.'
          : err instanceof Error
            ? err.message
            : 'Could not read the file',
      );
    }
  }

  async function onSend(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    let url: string;
    let payload: string | undefined;
    try {
      url = buildRequestUrl(op, opValues);
      if (op.body) {
        // Each attached image replaces its placeholder; a value typed over
        // the placeholder (a URL, base64) is sent as typed.
        const parsed = JSON.parse(body) as Record<string, unknown>;
        for (const field of op.body.imageFields) {
          const file = files[`${op.id}.${field}`];
          if (file && parsed[field] === file.placeholder) parsed[field] = file.dataUrl;
        }
        payload = JSON.stringify(parsed);
      }
    } catch (err) {
      setFormError(
        err instanceof SyntaxError
          ? `The body is not valid JSON: ${err.message}`
          : err instanceof Error
            ? err.message
            : 'Invalid input',
      );
      return;
    }
    if (auth === 'key' && !apiKey.trim()) {
      setFormError('Paste an API key, or send as this browser’s session.');
      return;
    }
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setSending(true);
    const started = performance.now();
    try {
      const res = await fetch(url, {
        method: op.method.toUpperCase(),
        headers: requestHeaders(false),
        // With a key, leave the session cookie out so that the key alone is tested.
        credentials: auth === 'key' ? 'omit' : 'same-origin',
        signal: controller.signal,
        ...(payload !== undefined ? { body: payload } : {}),
      });
      const blob = await res.blob();
      const ms = Math.round(performance.now() - started);
      const type = res.headers.get('content-type') ?? '';
      const result: Sent = {
        opId: op.id,
        method: op.method,
        url,
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
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError'))
        setFormError(
          `The request did not complete: ${err instanceof Error ? err.message : String(err)}`,
        );
    } finally {
      setSending(false);
    }
  }

  // A created or listed resource can be opened with its GET /…/{id} operation.
  const followUp = useMemo(() => {
    const id = (sent?.json as { id?: unknown } | undefined)?.id;
    if (!sent || typeof id !== 'string') return null;
    const from = operations.find((o) => o.id === sent.opId);
    // Only where the answer is the resource itself: a nested one (a delivery
    // of a webhook, two path parameters) has an id of another kind.
    if (!from || (from.path.match(/\{/g) ?? []).length > 1) return null;
    const base = from.path.replace(/\/\{id\}.*$/, '');
    const target = operations.find((o) => o.method === 'get' && o.path === `${base}/{id}`);
    return target ? { target, id } : null;
  }, [sent, operations]);

  const errorCode = (sent?.json as { error?: { code?: string } } | undefined)?.error?.code;

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      {/* Operation picker: a select on small screens, a list on wide ones. */}
      <div className="lg:hidden">
        <label htmlFor="op-select" className="block text-sm font-medium text-slate-800">
          Operation
        </label>
        <select
          id="op-select"
          value={op.id}
          onChange={(e) => select(e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
        >
          {groups.map(([tag, ops]) => (
            <optgroup key={tag} label={tag}>
              {ops.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.method.toUpperCase()} {o.path}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <nav aria-label="Operations" className="hidden lg:block">
        {groups.map(([tag, ops]) => (
          <div key={tag} className="mb-4">
            <h2 className="mb-1 px-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {tag}
            </h2>
            <ul>
              {ops.map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    onClick={() => select(o.id)}
                    aria-current={o.id === op.id ? 'true' : undefined}
                    title={o.summary}
                    className={cn(
                      'flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm',
                      o.id === op.id
                        ? 'bg-brand-50 text-brand-900 font-medium'
                        : 'text-slate-800 hover:bg-slate-100',
                    )}
                  >
                    <MethodBadge method={o.method} />
                    <span className="truncate font-mono text-xs">{o.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>

      <div className="min-w-0 space-y-6">
        <Card>
          <form onSubmit={onSend} className="space-y-5" aria-labelledby="op-title">
            <div>
              <div className="flex flex-wrap items-center gap-2">
                <MethodBadge method={op.method} />
                <code className="font-mono text-sm break-all text-slate-900">/api/v1{op.path}</code>
              </div>
              <h2 id="op-title" className="mt-2 text-lg font-semibold text-slate-900">
                {op.summary}
              </h2>
              {op.description && <p className="mt-1 text-sm text-slate-700">{op.description}</p>}
            </div>

            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Send as</legend>
              <div className="mt-2 flex flex-wrap gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="auth"
                    value="session"
                    checked={auth === 'session'}
                    onChange={() => setAuth('session')}
                  />
                  This browser’s session
                </label>
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="auth"
                    value="key"
                    checked={auth === 'key'}
                    onChange={() => setAuth('key')}
                  />
                  An API key
                </label>
              </div>
              {auth === 'key' && (
                <div className="mt-3">
                  <label htmlFor="api-key" className="block text-sm font-medium text-slate-800">
                    API key
                  </label>
                  <div className="mt-1 flex gap-2">
                    <input
                      id="api-key"
                      type={showKey ? 'text' : 'password'}
                      value={apiKey}
                      onChange={(e) => setApiKey(e.target.value)}
                      placeholder="tr_live_…"
                      autoComplete="off"
                      spellCheck={false}
                      aria-describedby="api-key-hint"
                      className="w-full max-w-md rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
                    />
                    <Button
                      type="button"
                      variant="secondary"
                      size="sm"
                      className="h-auto"
                      onClick={() => setShowKey((v) => !v)}
                      aria-pressed={showKey}
                    >
                      {showKey ? 'Hide' : 'Show'}
                    </Button>
                  </div>
                  <p id="api-key-hint" className="mt-1 text-xs text-slate-600">
                    Kept in this tab’s memory only and sent as <code>x-api-key</code>, without your
                    session cookie, so you see exactly what your code will.
                  </p>
                  {op.sessionOnly && (
                    <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">
                      This operation accepts only a signed-in session; an API key is refused.
                    </p>
                  )}
                </div>
              )}
            </fieldset>

            {op.fields.length > 0 && (
              <fieldset className="space-y-3">
                <legend className="text-sm font-medium text-slate-800">Parameters</legend>
                {op.fields.map((f) => (
                  <ParamInput
                    key={`${op.id}.${f.in}.${f.name}`}
                    field={f}
                    value={opValues[`${f.in}.${f.name}`] ?? ''}
                    onChange={(v) => setValue(`${f.in}.${f.name}`, v)}
                  />
                ))}
              </fieldset>
            )}

            {op.body && (
              <div className="space-y-3">
                <div className="flex items-end justify-between gap-2">
                  <label htmlFor="body" className="text-sm font-medium text-slate-800">
                    JSON body
                  </label>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => {
                      setBodies((all) => ({ ...all, [op.id]: op.body?.example ?? '' }));
                      setFiles((all) =>
                        Object.fromEntries(
                          Object.entries(all).filter(([k]) => !k.startsWith(`${op.id}.`)),
                        ),
                      );
                    }}
                  >
                    Reset to example
                  </Button>
                </div>
                <textarea
                  id="body"
                  value={body}
                  onChange={(e) => setBodies((all) => ({ ...all, [op.id]: e.target.value }))}
                  rows={Math.min(14, Math.max(4, body.split('\n').length + 1))}
                  spellCheck={false}
                  aria-describedby="body-hint"
                  className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs break-all"
                />
                <p id="body-hint" className="text-xs text-slate-600">
                  Fields:{' '}
                  {op.body.properties
                    .map((p) => `${p.name}${p.required ? '' : ' (optional)'}`)
                    .join(', ')}
                  .
                </p>
                {op.body.imageFields.length > 0 && (
                  <div className="grid gap-3 sm:grid-cols-3">
                    {op.body.imageFields.map((field) => (
                      <div key={field}>
                        <label
                          htmlFor={`file-${field}`}
                          className="block text-xs font-medium text-slate-800"
                        >
                          Image for <code>{field}</code>
                        </label>
                        <input
                          id={`file-${field}`}
                          type="file"
                          accept="image/jpeg,image/png,image/webp"
                          onChange={(e) => void onPickImage(field, e)}
                          className="file:bg-brand-50 file:text-brand-900 mt-1 block w-full text-xs text-slate-700 file:mr-2 file:rounded file:border-0 file:px-2 file:py-1"
                        />
                        {files[`${op.id}.${field}`] && (
                          <p className="mt-1 truncate text-xs text-slate-600">
                            Attached: {files[`${op.id}.${field}`]?.label}
                          </p>
                        )}
                      </div>
                    ))}
                  </div>
                )}
              </div>
            )}

            {formError && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {formError}
              </p>
            )}

            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={sending}>
                {sending ? 'Sending…' : 'Send request'}
              </Button>
              {sending && (
                <Button type="button" variant="secondary" onClick={() => abort.current?.abort()}>
                  Cancel
                </Button>
              )}
              {op.method !== 'get' && (
                <span className="text-xs text-slate-600">
                  Calls are real: a try-on spends credits, a delete deletes.
                </span>
              )}
            </div>
          </form>
        </Card>

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
                      className={cn(
                        'rounded px-2 py-0.5 font-mono font-bold',
                        statusTone(sent.status),
                      )}
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
                      onClick={() => {
                        setValue('path.id', followUp.id, followUp.target);
                        select(followUp.target.id);
                      }}
                    >
                      Open GET {followUp.target.path.replace('{id}', followUp.id)}
                    </Button>
                  )}
                </div>
              )}
            </div>
          </Card>
        </section>

        {curl && (
          <section aria-labelledby="curl-heading">
            <Card>
              <div className="flex items-center justify-between gap-2">
                <h2 id="curl-heading" className="text-base font-semibold text-slate-900">
                  The same call with curl
                </h2>
                <Button
                  type="button"
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    void navigator.clipboard?.writeText(curl).then(() => setCopied(true));
                    setTimeout(() => setCopied(false), 2000);
                  }}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              </div>
              <pre className="mt-3 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-900">
                {curl}
              </pre>
              {auth === 'key' && (
                <p className="mt-2 text-xs text-slate-600">
                  Set <code>TRAILROOM_API_KEY</code> in your shell first; the key is never printed
                  here.
                </p>
              )}
            </Card>
          </section>
        )}
      </div>
    </div>
  );
}

function ParamInput({
  field,
  value,
  onChange,
}: {
  field: PlaygroundField;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = `param-${field.in}-${field.name}`;
  const hintId = `${id}-hint`;
  const hint = [
    field.in === 'header' ? 'Header' : field.in === 'query' ? 'Query' : 'Path',
    field.description,
    field.default !== undefined ? `Default ${field.default}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const inputClass = 'mt-1 w-full max-w-md rounded-md border border-slate-300 px-2 py-1.5 text-sm';
  return (
    <div>
      <label htmlFor={id} className="block text-sm text-slate-800">
        <code className="font-mono">{field.name}</code>
        {field.required && (
          <span className="ml-1 text-red-700" aria-hidden="true">
            *
          </span>
        )}
        {field.required && <span className="sr-only"> (required)</span>}
      </label>
      {field.enum ? (
        <select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={hintId}
          className={cn(inputClass, 'bg-white')}
        >
          <option value="">{field.required ? 'Choose…' : '(not set)'}</option>
          {field.enum.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : (
        <div className="flex max-w-md gap-2">
          <input
            id={id}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            inputMode={field.type === 'integer' || field.type === 'number' ? 'numeric' : undefined}
            placeholder={field.default}
            required={field.required}
            spellCheck={false}
            aria-describedby={hintId}
            className={cn(inputClass, 'font-mono')}
          />
          {field.name.toLowerCase() === 'idempotency-key' && (
            <Button
              type="button"
              variant="secondary"
              size="sm"
              className="mt-1 h-auto"
              onClick={() => onChange(crypto.randomUUID())}
            >
              Generate
            </Button>
          )}
        </div>
      )}
      <p id={hintId} className="mt-0.5 text-xs text-slate-600">
        {hint}
      </p>
    </div>
  );
}
