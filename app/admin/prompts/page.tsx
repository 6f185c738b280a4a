import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { requireAdminPage } from '@/lib/auth/caller';
import { listPromptTypes, PROMPT_TYPE_HINTS, PROMPT_TYPE_LABELS } from '@/lib/prompts';
import { formatUtc } from '@/lib/format';

export const metadata: Metadata = { title: 'Prompts · Admin' };
export const dynamic = 'force-dynamic';

export default async function PromptsPage() {
  await requireAdminPage('/admin/prompts', 'prompts:manage');
  const types = await listPromptTypes();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Prompts</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          The text that drives the image models. Each type is versioned: saving makes a new version,
          and exactly one version per type is active. New jobs use the active version and record
          which one they used.
        </p>
      </div>
      <ul className="grid gap-4 md:grid-cols-3">
        {types.map((t) => (
          <li key={t.type}>
            <Card className="flex h-full flex-col p-5">
              <h2 className="text-lg font-semibold text-slate-900">{PROMPT_TYPE_LABELS[t.type]}</h2>
              <p className="mt-1 flex-1 text-sm text-slate-600">{PROMPT_TYPE_HINTS[t.type]}</p>
              <dl className="mt-4 grid grid-cols-2 gap-2 text-sm">
                <dt className="text-slate-600">Active</dt>
                <dd className="font-medium text-slate-900 tabular-nums">
                  {t.activeVersion ? `v${t.activeVersion}` : 'none'}
                </dd>
                <dt className="text-slate-600">Versions</dt>
                <dd className="text-slate-900 tabular-nums">{t.versions}</dd>
                <dt className="text-slate-600">Since</dt>
                <dd className="text-slate-900">{formatUtc(t.activatedAt)}</dd>
              </dl>
              {t.latestVersion && t.activeVersion && t.latestVersion > t.activeVersion && (
                <p className="mt-3 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900">
                  v{t.latestVersion} is saved but not active.
                </p>
              )}
              <Link
                href={`/admin/prompts/${t.type}`}
                className="text-brand-700 mt-4 flex items-center text-sm font-medium underline underline-offset-2 max-sm:min-h-11"
              >
                Edit {PROMPT_TYPE_LABELS[t.type].toLowerCase()} prompt
              </Link>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
