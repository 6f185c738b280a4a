'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type RefObject } from 'react';
import { PromptDiff } from '@/components/admin/prompt-diff';
import { PromptEditor } from '@/components/admin/prompt-editor';
import { PromptPreview } from '@/components/admin/prompt-preview';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { formatUtc } from '@/lib/format';
import type { PromptTypeJson } from '@/lib/prompts/schemas';
import { ActivateDialog } from './activate-dialog';
import { VersionsTable } from './versions-table';

type Feedback = { tone: 'success' | 'error'; text: string } | null;

/** A card section that the version table's buttons scroll to (and focus). */
function Section({
  id,
  title,
  sectionRef,
  children,
}: {
  id: string;
  title: string;
  sectionRef: RefObject<HTMLElement | null>;
  children: React.ReactNode;
}) {
  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      aria-labelledby={id}
      className="min-w-0 scroll-mt-20 outline-none"
    >
      <Card className="min-w-0">
        <h2 id={id} className="text-xl font-semibold text-slate-900">
          {title}
        </h2>
        {children}
      </Card>
    </section>
  );
}

/** The versions of one prompt type: table, new version, compare, preview, activation history. */
export function PromptVersionsClient({ detail }: { detail: PromptTypeJson }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [confirm, setConfirm] = useState<number | null>(null);
  const versions = detail.versions;
  const active = versions.find((v) => v.active) ?? null;
  const latest = versions[0] ?? null;
  const [compare, setCompare] = useState(() => ({
    from: versions.find((v) => v.version !== latest?.version)?.version ?? latest?.version ?? 1,
    to: latest?.version ?? 1,
  }));
  const [previewVersion, setPreviewVersion] = useState<number | null>(active?.version ?? null);
  const [draft, setDraft] = useState({ key: 0, content: active?.content ?? '' });
  const compareRef = useRef<HTMLElement>(null);
  const previewRef = useRef<HTMLElement>(null);
  const editorRef = useRef<HTMLElement>(null);

  function scrollTo(ref: RefObject<HTMLElement | null>) {
    ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }

  return (
    <div className="min-w-0 space-y-8">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}

      <section aria-labelledby="versions-heading" className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="versions-heading" className="text-xl font-semibold text-slate-900">
            Versions
          </h2>
          <p className="text-sm text-slate-600">
            Usage counts jobs that recorded the version; success rate is completed ÷ finished.
          </p>
        </div>
        <VersionsTable
          versions={versions}
          active={active?.version ?? null}
          onActivate={(v) => setConfirm(v.version)}
          onCompare={(v) => {
            if (!active) return;
            setCompare({
              from: Math.min(v.version, active.version),
              to: Math.max(v.version, active.version),
            });
            scrollTo(compareRef);
          }}
          onPreview={(v) => {
            setPreviewVersion(v.version);
            scrollTo(previewRef);
          }}
          onEdit={(v) => {
            setDraft((d) => ({ key: d.key + 1, content: v.content }));
            scrollTo(editorRef);
          }}
        />
      </section>

      <Section id="editor-heading" title="New version" sectionRef={editorRef}>
        <p className="mt-1 text-sm text-slate-600">
          Saving never changes an existing version: jobs keep pointing at the one they used.
        </p>
        <PromptEditor
          key={draft.key}
          type={detail.type}
          initialContent={draft.content}
          nextVersion={(latest?.version ?? 0) + 1}
          onSaved={(msg, version) => {
            setFeedback({ tone: 'success', text: msg });
            setCompare({ from: active?.version ?? version, to: version });
            startTransition(() => router.refresh());
          }}
        />
      </Section>

      <Section id="compare-heading" title="Compare versions" sectionRef={compareRef}>
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
      </Section>

      <Section id="preview-heading" title="What a job would send" sectionRef={previewRef}>
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
      </Section>

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
                <span className="break-all text-slate-700">{a.actor ?? '—'}</span>
                <span className="text-xs text-slate-600">{formatUtc(a.created_at)}</span>
                {a.reason && <span className="break-words text-slate-700">“{a.reason}”</span>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <ActivateDialog
        type={detail.type}
        version={confirm}
        active={active?.version ?? null}
        onClose={() => setConfirm(null)}
        onDone={(version, result) => {
          setConfirm(null);
          setFeedback({
            tone: 'success',
            text: result.changed
              ? `v${version} is now active. New jobs use it from now on.`
              : `v${version} was already active.`,
          });
          setPreviewVersion(version);
          startTransition(() => router.refresh());
        }}
      />
    </div>
  );
}
