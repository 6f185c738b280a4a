import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { requireAdminPage } from '@/lib/auth/caller';
import { can } from '@/lib/auth/roles';
import { formatUtc } from '@/lib/format';
import {
  listSupportMessages,
  serializeSupportMessage,
  SUPPORT_MESSAGE_STATUSES,
  SUPPORT_TOPIC_LABELS,
} from '@/lib/support';
import { HandledButton } from './handled-button';

export const metadata: Metadata = { title: 'Support · Admin' };
export const dynamic = 'force-dynamic';

const LIMIT = 20;
const query = z.object({
  status: z.enum([...SUPPORT_MESSAGE_STATUSES, 'all']).catch('open'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
const FILTERS = [
  { value: 'open', label: 'Open' },
  { value: 'handled', label: 'Handled' },
  { value: 'all', label: 'All' },
] as const;

// Messages sent through /support, newest first; open ones by default.
export default async function AdminSupportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const caller = await requireAdminPage('/admin/support', 'users:read');
  const { status, page } = query.parse({
    status: (await searchParams).status ?? 'open',
    page: (await searchParams).page ?? '1',
  });
  const result = await listSupportMessages({
    ...(status === 'all' ? {} : { status }),
    page,
    limit: LIMIT,
  });
  const messages = result.data.map(serializeSupportMessage);
  const canHandle = can(caller.role, 'users:write');

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold text-slate-900">Support messages</h1>
        <p className="mt-1 text-slate-700">
          What people wrote through the support form. Answer by email, then mark the message
          handled.
        </p>
      </div>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={`/admin/support?status=${f.value}`}
            aria-current={status === f.value ? 'page' : undefined}
            className={cn(
              'inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-medium',
              status === f.value
                ? 'border-brand-700 bg-brand-700 text-white'
                : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
            )}
          >
            {f.label}
          </Link>
        ))}
      </nav>

      {messages.length === 0 ? (
        <EmptyState title={status === 'open' ? 'No open messages' : 'No messages here'}>
          {status === 'open'
            ? 'Everything people wrote has been handled.'
            : 'Messages sent through the support form appear here.'}
        </EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Support messages">
          {messages.map((m) => (
            <li key={m.id}>
              <Card className="space-y-3 p-5" data-testid="support-message">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-semibold break-all text-slate-900">
                      {m.name ? `${m.name} · ` : ''}
                      <a href={`mailto:${m.email}`} className="underline underline-offset-4">
                        {m.email}
                      </a>
                    </p>
                    <p className="mt-0.5 text-sm text-slate-600">
                      {SUPPORT_TOPIC_LABELS[m.topic]} · {formatUtc(m.created_at)}
                      {m.user_id && (
                        <>
                          {' · '}
                          <Link
                            href={`/admin/users/${m.user_id}`}
                            className="text-brand-700 font-medium underline underline-offset-4"
                          >
                            their account
                          </Link>
                        </>
                      )}
                    </p>
                  </div>
                  <Badge tone={m.status === 'open' ? 'warning' : 'success'}>
                    {m.status === 'open' ? 'Open' : 'Handled'}
                  </Badge>
                </div>
                <p className="text-sm break-words whitespace-pre-wrap text-slate-800">
                  {m.message}
                </p>
                {canHandle && (
                  <HandledButton id={m.id} handled={m.status === 'handled'} email={m.email} />
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        basePath="/admin/support"
        params={{ status }}
        page={page}
        limit={LIMIT}
        total={result.total}
      />
    </div>
  );
}
