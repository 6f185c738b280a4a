'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { PromptDiff } from '@/components/admin/prompt-diff';
import { PromptEditor } from '@/components/admin/prompt-editor';
import { PromptPreview } from '@/components/admin/prompt-preview';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { PromptTypeJson, PromptVersionJson } from '@/lib/prompts/schemas';
import { formatUtc } from '@/lib/format';

const fmtDate = (iso: string) => formatUtc(iso);
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(r === 1 ? 0 : 1)}%`);

type Feedback = { tone: 'ok' | 'error'; text: string } | null;

export function PromptVersionsClient({ detail }: { detail: PromptTypeJson }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [confirm, setConfirm] = useState<PromptVersionJson | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const versions = detail.versions;
  const active = versions.find((v) => v.active) ?? null;
  const latest = versions[0] ?? null;
  const [compare, setCompare] = useState(() => ({
    from: versions.find((v) => v.version !== latest?.version)?.version ?? latest?.version ?? 1,
    to: latest?.version ?? 1,
  }));
  const [previewVersion, setPreviewVersion] = useState<number | null>(active?.version ?? null);
  const [draft, setDraft] = useState<{ key: number; content: string }>({
    key: 0,
    content: active?.content ?? '',
  });
  const compareRef = useRef<HTMLElement>(null);
  const previewRef = useRef<HTMLElement>(null);
  const editorRef = useRef<HTMLElement>(null);

  async function activate() {
    if (!confirm) return;
    setBusy(true);
    setFeedback(null);
    const res = await fetch(`/api/admin/prompts/${detail.type}/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        version: confirm.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    });
    setBusy(false);
    const data = (await res.json().catch(() => null)) as {
      error?: { message?: string };
      changed?: boolean;
    } | null;
    if (!res.ok) {
      setFeedback({ tone: 'error', text: data?.error?.message ?? `Failed (${res.status})` });
    } else {
      setFeedback({
        tone: 'ok',
        text: data?.changed
          ? `v${confirm.version} is now active. New jobs use it from now on.`
          : `v${confirm.version} was already active.`,
      });
      setPreviewVersion(confirm.version);
    }
    setConfirm(null);
    setReason('');
    startTransition(() => router.refresh());
  }

  function scrollTo(ref: React.RefObject<HTMLElement | null>) {
    ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }

  return (
    <div className="space-y-8">
      {feedback && (
        <p
          role={feedback.tone === 'error' ? 'alert' : 'status'}
          className={
            feedback.tone === 'error'
              ? 'rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900'
              : 'rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900'
          }
        >
          {feedback.text}
        </p>
      )}

      <section aria-labelledby="versions-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="versions-heading" className="text-xl font-semibold text-slate-900">
            Versions
          </h2>
          <p className="text-sm text-slate-600">
            Usage counts jobs that recorded the version; success rate is completed ÷ finished.
          </p>
        </div>
        {versions.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">
            No versions yet. Save the first one below.
          </p>
        ) : (
          <DataTable
            caption="Prompt versions, newest first"
            className="min-w-[56rem]"
            columns={[
              { label: 'Version' },
              { label: 'Note' },
              { label: 'Author · created' },
              { label: 'Provider / model' },
              { label: 'Jobs', align: 'right' },
              { label: 'Success', align: 'right' },
              { label: 'Actions', srOnly: true },
            ]}
          >
            {versions.map((v) => (
              <tr key={v.id} data-testid={`version-row-${v.version}`}>
                <td className="px-4 py-2 whitespace-nowrap">
                  <span className="font-semibold text-slate-900 tabular-nums">v{v.version}</span>
                  {v.active && (
                    <span className="ml-2 rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">
                      Active
                    </span>
                  )}
                </td>
                <td className="max-w-xs px-4 py-2 text-slate-800">{v.note ?? '—'}</td>
                <td className="px-4 py-2 text-slate-700">
                  <span className="block">{v.created_by ?? '—'}</span>
                  <span className="block text-xs text-slate-600">{fmtDate(v.created_at)}</span>
                </td>
                <td className="px-4 py-2 text-slate-700">
                  {v.provider ? (
                    <span className="font-mono text-xs">
                      {v.provider}
                      {v.model ? ` / ${v.model}` : ''}
                    </span>
                  ) : (
                    <span className="text-xs text-slate-600">configured default</span>
                  )}
                </td>
                <td className="px-4 py-2 text-right text-slate-900 tabular-nums">
                  {v.usage.jobs.toLocaleString('en')}
                </td>
                <td className="px-4 py-2 text-right text-slate-900 tabular-nums">
                  <span title={`${v.usage.completed} completed, ${v.usage.failed} failed`}>
                    {pct(v.usage.success_rate)}
                  </span>
                </td>
                <td className="px-4 py-2">
                  <div className="flex flex-wrap justify-end gap-1.5">
                    {!v.active && (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => setConfirm(v)}
                        aria-label={`${active && v.version < active.version ? 'Roll back to' : 'Activate'} v${v.version}`}
                      >
                        {active && v.version < active.version ? 'Roll back' : 'Activate'}
                      </Button>
                    )}
                    {active && !v.active && (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Compare v${v.version} with the active v${active.version}`}
                        onClick={() => {
                          setCompare({
                            from: Math.min(v.version, active.version),
                            to: Math.max(v.version, active.version),
                          });
                          scrollTo(compareRef);
                        }}
                      >
                        Compare
                      </Button>
                    )}
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Preview v${v.version}`}
                      onClick={() => {
                        setPreviewVersion(v.version);
                        scrollTo(previewRef);
                      }}
                    >
                      Preview
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Start a new version from v${v.version}`}
                      onClick={() => {
                        setDraft((d) => ({ key: d.key + 1, content: v.content }));
                        scrollTo(editorRef);
                      }}
                    >
                      Edit as new
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section
        ref={editorRef}
        tabIndex={-1}
        aria-labelledby="editor-heading"
        className="scroll-mt-20 outline-none"
      >
        <Card>
          <h2 id="editor-heading" className="text-xl font-semibold text-slate-900">
            New version
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Saving never changes an existing version: jobs keep pointing at the one they used.
          </p>
          <PromptEditor
            key={draft.key}
            type={detail.type}
            initialContent={draft.content}
            nextVersion={(latest?.version ?? 0) + 1}
            onSaved={(msg, version) => {
              setFeedback({ tone: 'ok', text: msg });
              setCompare({ from: active?.version ?? version, to: version });
              startTransition(() => router.refresh());
            }}
          />
        </Card>
      </section>

      <section
        ref={compareRef}
        tabIndex={-1}
        aria-labelledby="compare-heading"
        className="scroll-mt-20 outline-none"
      >
        <Card>
          <h2 id="compare-heading" className="text-xl font-semibold text-slate-900">
            Compare versions
          </h2>
          {versions.length < 2 ? (
            <p className="mt-2 text-sm text-slate-600">
              There is only one version; save another to compare.
            </p>
          ) : (
            <PromptDiff
              type={detail.type}
              versions={versions.map((v) => v.version)}
              from={compare.from}
              to={compare.to}
              onChange={setCompare}
            />
          )}
        </Card>
      </section>

      <section
        ref={previewRef}
        tabIndex={-1}
        aria-labelledby="preview-heading"
        className="scroll-mt-20 outline-none"
      >
        <Card>
          <h2 id="preview-heading" className="text-xl font-semibold text-slate-900">
            What a job would send
          </h2>
          {previewVersion === null ? (
            <p className="mt-2 text-sm text-slate-600">No version to preview yet.</p>
          ) : (
            <PromptPreview
              type={detail.type}
              versions={versions.map((v) => v.version)}
              version={previewVersion}
              onChange={setPreviewVersion}
            />
          )}
        </Card>
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-xl font-semibold text-slate-900">
          Activation history
        </h2>
        {detail.activations.length === 0 ? (
          <p className="text-sm text-slate-600">No activations recorded yet.</p>
        ) : (
          <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
            {detail.activations.map((a) => (
              <li key={a.seq} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2">
                <span className="font-medium text-slate-900">
                  {a.previous_version ? `v${a.previous_version} → ` : ''}v{a.version}
                </span>
                <span className="text-slate-700">{a.actor ?? '—'}</span>
                <span className="text-xs text-slate-600">{fmtDate(a.created_at)}</span>
                {a.reason && <span className="text-slate-700">“{a.reason}”</span>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <AlertDialog.Root open={confirm !== null} onOpenChange={(o) => !o && setConfirm(null)}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl">
            <AlertDialog.Title className="text-lg font-semibold text-slate-900">
              {confirm && active && confirm.version < active.version ? 'Roll back to' : 'Activate'}{' '}
              v{confirm?.version}?
            </AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-sm text-slate-700">
              New jobs will use v{confirm?.version} from now on
              {active ? ` instead of v${active.version}` : ''}. Jobs already running keep the
              version they started with. This is recorded in the audit log.
            </AlertDialog.Description>
            <label
              htmlFor="activate-reason"
              className="mt-4 block text-sm font-medium text-slate-800"
            >
              Reason (optional)
            </label>
            <input
              id="activate-reason"
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <div className="mt-6 flex justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button variant="secondary">Cancel</Button>
              </AlertDialog.Cancel>
              <Button onClick={activate} disabled={busy}>
                {busy ? 'Activating…' : `Activate v${confirm?.version ?? ''}`}
              </Button>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </div>
  );
}
