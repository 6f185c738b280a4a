'use client';

import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { buildRequestUrl, type PlaygroundOperation } from '@/lib/openapi/playground';
import { takeHandedOverKey } from './key-handoff';
import { formatBytes, readAsDataUrl, type Attachment, type AuthMode } from './playground-parts';
import type { PlaygroundRequest } from './use-playground-send';

function initialValues(op: PlaygroundOperation): Record<string, string> {
  return Object.fromEntries(op.fields.map((f) => [`${f.in}.${f.name}`, '']));
}

/** What a request was made from: when it changes, the last response is no longer its answer. */
export function requestSignature(
  opId: string,
  values: Record<string, string>,
  body: string,
  auth: AuthMode,
): string {
  return JSON.stringify([opId, values, body, auth]);
}

/**
 * The playground's form: the chosen operation (kept in the URL), its inputs
 * per operation (switching back keeps what was typed), picked images (kept
 * out of the editable body, a placeholder stands in for each), and how to
 * send (session or an API key held in memory only).
 */
export function usePlaygroundForm(
  operations: PlaygroundOperation[],
  initialOpId?: string,
  /** Sent by default: the playground's test key (never charged). */
  testKey?: string,
) {
  const [opId, setOpId] = useState(
    operations.some((o) => o.id === initialOpId) ? initialOpId! : operations[0]!.id,
  );
  const op = operations.find((o) => o.id === opId) ?? operations[0]!;
  const [auth, setAuth] = useState<AuthMode>(testKey ? 'key' : 'session');
  const [apiKey, setApiKey] = useState(testKey ?? '');
  const [values, setValues] = useState<Record<string, Record<string, string>>>({});
  const [bodies, setBodies] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Record<string, Attachment>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const valuesOf = (o: PlaygroundOperation) => values[o.id] ?? initialValues(o);
  const bodyOf = (o: PlaygroundOperation) => bodies[o.id] ?? o.body?.example ?? '';
  const opValues = valuesOf(op);
  const body = bodyOf(op);

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
    setValues((all) => ({ ...all, [forOp.id]: { ...valuesOf(forOp), [key]: value } }));
  }

  function headersFor(o: PlaygroundOperation, v: Record<string, string>, forCurl: boolean) {
    const headers: Record<string, string> = {};
    if (auth === 'key') headers['x-api-key'] = forCurl ? '$TRAILROOM_API_KEY' : apiKey.trim();
    for (const f of o.fields) {
      const value = v[`header.${f.name}`]?.trim();
      if (f.in === 'header' && value) headers[f.name] = value;
    }
    if (o.body) headers['content-type'] = 'application/json';
    return headers;
  }

  async function pickImage(field: string, e: ChangeEvent<HTMLInputElement>) {
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
      setFiles((all) => ({
        ...all,
        [`${op.id}.${field}`]: { label, placeholder, dataUrl, name: file.name },
      }));
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

  function resetBody() {
    setBodies((all) => ({ ...all, [op.id]: op.body?.example ?? '' }));
    setFiles((all) =>
      Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(`${op.id}.`))),
    );
  }

  /**
   * The request for operation `o` with inputs `v` (the current ones by
   * default), or a message saying what to fix first.
   */
  function buildRequest(
    o: PlaygroundOperation = op,
    v: Record<string, string> = valuesOf(o),
  ): { request: PlaygroundRequest } | { error: string } {
    const b = bodyOf(o);
    let url: string;
    let payload: string | undefined;
    try {
      url = buildRequestUrl(o, v);
      if (o.body) {
        // Each attached image replaces its placeholder; a value typed over
        // the placeholder (a URL, base64) is sent as typed.
        const parsed = JSON.parse(b) as Record<string, unknown>;
        for (const field of o.body.imageFields) {
          const file = files[`${o.id}.${field}`];
          if (file && parsed[field] === file.placeholder) parsed[field] = file.dataUrl;
        }
        payload = JSON.stringify(parsed);
      }
    } catch (err) {
      return {
        error:
          err instanceof SyntaxError
            ? `The body is not valid JSON: ${err.message}`
            : err instanceof Error
              ? err.message
              : 'Invalid input',
      };
    }
    if (auth === 'key' && !apiKey.trim())
      return { error: 'Paste an API key, or send as this browser’s session.' };
    return {
      request: {
        opId: o.id,
        method: o.method,
        url,
        headers: headersFor(o, v, false),
        auth,
        signature: requestSignature(o.id, v, b, auth),
        ...(payload !== undefined ? { payload } : {}),
      },
    };
  }

  return {
    op,
    groups,
    opValues,
    body,
    files,
    auth,
    setAuth,
    apiKey,
    setApiKey,
    formError,
    setFormError,
    select,
    setValue,
    setBody: (text: string) => setBodies((all) => ({ ...all, [op.id]: text })),
    resetBody,
    pickImage,
    buildRequest,
    valuesOf,
    curlHeaders: () => headersFor(op, opValues, true),
    /** The signature of what the form would send now. */
    signature: requestSignature(op.id, opValues, body, auth),
  };
}
