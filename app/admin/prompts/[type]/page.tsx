import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { requireAdminPage } from '@/lib/auth/caller';
import {
  listPromptVersions,
  PROMPT_TYPE_HINTS,
  PROMPT_TYPE_LABELS,
  PROMPT_TYPE_LIST,
  promptTypeParam,
  serializePromptType,
} from '@/lib/prompts';
import { PromptVersionsClient } from './prompt-versions-client';

export const metadata: Metadata = { title: 'Prompt versions · Admin' };
export const dynamic = 'force-dynamic';

export default async function PromptTypePage({ params }: { params: Promise<{ type: string }> }) {
  const raw = await params;
  await requireAdminPage(`/admin/prompts/${raw.type}`, 'prompts:manage');
  const parsed = promptTypeParam.safeParse(raw);
  if (!parsed.success) notFound();
  const { type } = parsed.data;
  const detail = serializePromptType(await listPromptVersions(type));

  return (
    <div className="space-y-6">
      <div>
        <Link
          href="/admin/prompts"
          className="text-brand-700 text-sm font-medium underline underline-offset-2"
        >
          All prompts
        </Link>
        <h1 className="mt-2 text-3xl font-bold text-slate-900">
          {PROMPT_TYPE_LABELS[type]} prompt
        </h1>
        <p className="mt-1 text-slate-700">{PROMPT_TYPE_HINTS[type]}</p>
      </div>
      <nav aria-label="Prompt types" className="flex flex-wrap gap-2">
        {PROMPT_TYPE_LIST.map((t) => (
          <Link
            key={t}
            href={`/admin/prompts/${t}`}
            aria-current={t === type ? 'page' : undefined}
            className={cn(
              'inline-flex items-center rounded-full border px-3 py-1 text-sm font-medium max-sm:min-h-11 max-sm:min-w-11',
              t === type
                ? 'border-slate-900 bg-slate-900 text-white'
                : 'border-slate-300 text-slate-800 hover:bg-slate-50',
            )}
          >
            {PROMPT_TYPE_LABELS[t]}
          </Link>
        ))}
      </nav>
      <PromptVersionsClient detail={detail} />
    </div>
  );
}
