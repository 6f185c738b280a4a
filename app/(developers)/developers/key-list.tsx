'use client';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import type { ApiKeyView } from '@/lib/apikeys/schemas';
import { formatCount, formatDate } from '@/lib/format';
import { Badge } from '@/components/ui/badge';

interface Actions {
  busy: string | null;
  onRegenerate: (id: string) => void;
  onRevoke: (id: string) => void;
}

/** Regenerate and Revoke; 44 px tall on phones. */
function KeyActions({ k, busy, onRegenerate, onRevoke }: Actions & { k: ApiKeyView }) {
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className="h-11 sm:h-8"
        disabled={busy !== null}
        aria-label={`Regenerate ${k.name}`}
        onClick={() => onRegenerate(k.id)}
      >
        {busy === `regen:${k.id}` ? 'Regenerating…' : 'Regenerate'}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        className="h-11 text-red-700 sm:h-8"
        disabled={busy !== null}
        aria-label={`Revoke ${k.name}`}
        onClick={() => onRevoke(k.id)}
      >
        {busy === `revoke:${k.id}` ? 'Revoking…' : 'Revoke'}
      </Button>
    </>
  );
}

const lastUsed = (k: ApiKeyView) => (k.last_used_at ? formatDate(k.last_used_at) : 'Never');

const KIND_LABELS = { secret: 'Live', test: 'Test', publishable: 'Publishable' } as const;
const KIND_TONES = { secret: 'success', test: 'warning', publishable: 'info' } as const;

/** Live / Test / Publishable, so a test key is never mistaken for a live one. */
function KindBadge({ k }: { k: ApiKeyView }) {
  return <Badge tone={KIND_TONES[k.kind]}>{KIND_LABELS[k.kind]}</Badge>;
}

const capText = (k: ApiKeyView) =>
  k.daily_credit_cap == null
    ? 'None'
    : `${formatCount(k.daily_credit_cap)} ${k.daily_credit_cap === 1 ? 'credit' : 'credits'}/day`;

/**
 * Active keys: a table from the `md` breakpoint, one card per key below it,
 * so on a phone every key's actions are on screen without scrolling sideways.
 */
export function KeyList({ keys, ...actions }: Actions & { keys: ApiKeyView[] }) {
  return (
    <>
      <ul className="space-y-3 md:hidden" aria-label="Active API keys">
        {keys.map((k) => (
          <li
            key={k.id}
            className="rounded-xl border border-slate-200 bg-white p-4"
            data-testid="api-key-card"
          >
            <p className="flex flex-wrap items-center gap-2 font-medium break-words text-slate-900">
              {k.name} <KindBadge k={k} />
            </p>
            <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">Key</dt>
              <dd className="font-mono text-xs break-all text-slate-800">{k.prefix}…</dd>
              <dt className="text-slate-600">Created</dt>
              <dd className="text-slate-800">{formatDate(k.created_at)}</dd>
              <dt className="text-slate-600">Last used</dt>
              <dd className="text-slate-800">{lastUsed(k)}</dd>
              <dt className="text-slate-600">Calls</dt>
              <dd className="text-slate-800 tabular-nums">{k.usage_count}</dd>
              <dt className="text-slate-600">Daily cap</dt>
              <dd className="text-slate-800">{capText(k)}</dd>
            </dl>
            <div className="mt-3 flex flex-wrap gap-2">
              <KeyActions k={k} {...actions} />
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <DataTable
          caption="Active API keys"
          columns={[
            { label: 'Name' },
            { label: 'Kind' },
            { label: 'Key' },
            { label: 'Created' },
            { label: 'Last used' },
            { label: 'Calls', align: 'right' },
            { label: 'Daily cap' },
            { label: 'Actions', srOnly: true },
          ]}
        >
          {keys.map((k) => (
            <tr key={k.id}>
              <td className="px-4 py-2 font-medium text-slate-900">{k.name}</td>
              <td className="px-4 py-2">
                <KindBadge k={k} />
              </td>
              <td className="px-4 py-2 font-mono text-xs text-slate-700">{k.prefix}…</td>
              <td className="px-4 py-2 text-slate-700">{formatDate(k.created_at)}</td>
              <td className="px-4 py-2 text-slate-700">{lastUsed(k)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{k.usage_count}</td>
              <td className="px-4 py-2 text-slate-700">{capText(k)}</td>
              <td className="px-4 py-2 text-right whitespace-nowrap">
                <KeyActions k={k} {...actions} />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </>
  );
}
