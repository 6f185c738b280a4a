'use client';

import { useMemo, useSyncExternalStore, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { buildRequestUrl, type PlaygroundOperation } from '@/lib/openapi/playground';
import { BodyEditor } from './body-editor';
import { playgroundCurl } from './curl';
import { CurlPanel } from './curl-panel';
import { OperationPicker } from './operation-picker';
import { MethodBadge, ParamInput } from './playground-parts';
import { ResponsePanel, type FollowUp } from './response-panel';
import { SendAs } from './send-as';
import { usePlaygroundForm } from './use-playground-form';
import { usePlaygroundSend, type PlaygroundRequest } from './use-playground-send';

const noSubscription = () => () => {};

/**
 * The in-browser API playground: every operation of the OpenAPI document,
 * a form for its inputs, sent from this tab with the session or an API key
 * (kept in memory only), and the response as the API returned it.
 */
export function PlaygroundClient({
  operations,
  initialOpId,
  testKey,
}: {
  operations: PlaygroundOperation[];
  initialOpId?: string;
  /** The playground's own test key (tr_test_): the default way to send, nothing is charged. */
  testKey?: string;
}) {
  const form = usePlaygroundForm(operations, initialOpId, testKey);
  const { op, opValues, body, files } = form;
  const { sent, sending, send, cancel } = usePlaygroundSend();
  // The page's origin, for the curl command (a placeholder while server-rendering).
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => 'https://your-trailroom-host',
  );

  const curl = useMemo(() => {
    try {
      const attached = Object.fromEntries(
        (op.body?.imageFields ?? []).flatMap((field) => {
          const f = files[`${op.id}.${field}`];
          return f ? [[field, { name: f.name, placeholder: f.placeholder }]] : [];
        }),
      );
      return playgroundCurl({
        origin,
        method: op.method,
        url: buildRequestUrl(op, opValues),
        headers: form.curlHeaders(),
        imageFields: op.body?.imageFields ?? [],
        attached,
        ...(op.body ? { body } : {}),
      });
    } catch {
      return null; // a required path parameter is missing
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- curlHeaders reads auth and the header values
  }, [op, opValues, body, files, form.auth, origin]);

  async function run(request: PlaygroundRequest) {
    const failure = await send(request);
    if (failure) form.setFormError(failure);
  }

  function onSend(e: FormEvent) {
    e.preventDefault();
    form.setFormError(null);
    const r = form.buildRequest();
    if ('error' in r) form.setFormError(r.error);
    else void run(r.request);
  }

  function onFollowUp({ target, id, send: sendNow }: FollowUp) {
    form.setValue('path.id', id, target);
    form.select(target.id);
    if (!sendNow) return;
    // The same inputs setValue just stored, so the answer counts as current.
    const r = form.buildRequest(target, { ...form.valuesOf(target), 'path.id': id });
    if ('error' in r) form.setFormError(r.error);
    else void run(r.request);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <OperationPicker groups={form.groups} op={op} select={form.select} />

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
              auth={form.auth}
              setAuth={form.setAuth}
              apiKey={form.apiKey}
              setApiKey={form.setApiKey}
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
                    onChange={(v) => form.setValue(`${f.in}.${f.name}`, v)}
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
                onBodyChange={form.setBody}
                onReset={form.resetBody}
                onPickImage={(field, e) => void form.pickImage(field, e)}
              />
            )}

            {form.formError && <Alert>{form.formError}</Alert>}

            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" className="h-11" disabled={sending}>
                {sending ? 'Sending…' : 'Send request'}
              </Button>
              {sending && (
                <Button type="button" variant="secondary" className="h-11" onClick={cancel}>
                  Cancel
                </Button>
              )}
              {op.method !== 'get' && (
                <span className="text-xs text-slate-600">
                  {form.auth === 'key' && form.apiKey.trim().startsWith('tr_test_')
                    ? 'Calls are real but in test mode: nothing is charged; a delete deletes test data.'
                    : 'Calls are real: a try-on spends credits, a delete deletes.'}
                </span>
              )}
            </div>
          </form>
        </Card>

        <ResponsePanel
          sent={sent}
          sending={sending}
          current={sent?.signature === form.signature}
          operations={operations}
          onFollowUp={onFollowUp}
        />
        <CurlPanel curl={curl} auth={form.auth} />
      </div>
    </div>
  );
}
