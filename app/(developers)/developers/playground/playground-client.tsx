'use client';

import {
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type FormEvent,
} from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { buildRequestUrl, curlCommand, type PlaygroundOperation } from '@/lib/openapi/playground';
import { BodyEditor } from './body-editor';
import { CurlPanel } from './curl-panel';
import { takeHandedOverKey } from './key-handoff';
import { OperationPicker } from './operation-picker';
import {
  MethodBadge,
  ParamInput,
  formatBytes,
  readAsDataUrl,
  type Attachment,
  type AuthMode,
} from './playground-parts';
import { ResponsePanel } from './response-panel';
import { SendAs } from './send-as';
import { usePlaygroundSend } from './use-playground-send';

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
  // Inputs per operation, so switching back and forth keeps what was typed.
  const [values, setValues] = useState<Record<string, Record<string, string>>>({});
  const [bodies, setBodies] = useState<Record<string, string>>({});
  // Picked images, kept out of the editable body (a placeholder stands in for each).
  const [files, setFiles] = useState<Record<string, Attachment>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { sent, sending, send, cancel } = usePlaygroundSend();
  // The page's origin, for the curl command (a placeholder while server-rendering).
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => 'https://your-trailroom-host',
  );

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
    const failure = await send({
      opId: op.id,
      method: op.method,
      url,
      headers: requestHeaders(false),
      auth,
      ...(payload !== undefined ? { payload } : {}),
    });
    if (failure) setFormError(failure);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <OperationPicker groups={groups} op={op} select={select} />

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

            <SendAs
              auth={auth}
              setAuth={setAuth}
              apiKey={apiKey}
              setApiKey={setApiKey}
              sessionOnly={Boolean(op.sessionOnly)}
            />

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
              <BodyEditor
                opId={op.id}
                spec={op.body}
                body={body}
                files={files}
                onBodyChange={(text) => setBodies((all) => ({ ...all, [op.id]: text }))}
                onReset={() => {
                  setBodies((all) => ({ ...all, [op.id]: op.body?.example ?? '' }));
                  setFiles((all) =>
                    Object.fromEntries(
                      Object.entries(all).filter(([k]) => !k.startsWith(`${op.id}.`)),
                    ),
                  );
                }}
                onPickImage={(field, e) => void onPickImage(field, e)}
              />
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
                <Button type="button" variant="secondary" onClick={cancel}>
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

        <ResponsePanel
          sent={sent}
          sending={sending}
          operations={operations}
          onFollowUp={(target, id) => {
            setValue('path.id', id, target);
            select(target.id);
          }}
        />
        <CurlPanel curl={curl} auth={auth} />
      </div>
    </div>
  );
}
