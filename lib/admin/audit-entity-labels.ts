import { Types } from 'mongoose';
import type { AuditLogJson } from '@/lib/audit/schemas';
import { formatCents } from '@/lib/format';
import { emailsByUserId } from '@/lib/users';
import { Payment, TryonJob } from '@/models';

/** What an audit row shows for its record: readable text, and the admin page to open. */
export interface AuditEntityLabel {
  label: string;
  href?: string;
}

const PROMPT_TYPE_NAMES: Record<string, string> = {
  system: 'System prompt',
  top_only: 'Top-only prompt',
  full_outfit: 'Full-outfit prompt',
};

/** "6f…a1": enough of an id to tell rows apart, with the full id in the link. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 2)}…${id.slice(-2)}` : id;
}

const key = (e: Pick<AuditLogJson, 'entity'>) => `${e.entity.type}:${e.entity.id ?? ''}`;

/**
 * Labels for the records a page of audit entries is about: a person by
 * email, a job as "Job 6f…a1 · owner@x.com", a payment with its amount and
 * payer, a prompt by its name and version — each linked to its admin page.
 * One query per kind for the whole page (`_id $in`).
 */
export async function auditEntityLabels(
  entries: Array<Pick<AuditLogJson, 'entity'>>,
): Promise<Map<string, AuditEntityLabel>> {
  const ids = (type: string) => [
    ...new Set(
      entries
        .filter((e) => e.entity.type === type && e.entity.id && Types.ObjectId.isValid(e.entity.id))
        .map((e) => e.entity.id as string),
    ),
  ];
  const jobIds = ids('tryon_job');
  const paymentIds = ids('payment');
  const [jobs, payments] = await Promise.all([
    jobIds.length
      ? TryonJob.find({ _id: { $in: jobIds } }, { userId: 1 }).lean<
          Array<{ _id: Types.ObjectId; userId: Types.ObjectId }>
        >()
      : [],
    paymentIds.length
      ? Payment.find({ _id: { $in: paymentIds } }, { userId: 1, amountCents: 1, currency: 1 }).lean<
          Array<{
            _id: Types.ObjectId;
            userId: Types.ObjectId;
            amountCents: number;
            currency: string;
          }>
        >()
      : [],
  ]);
  const emails = await emailsByUserId([
    ...ids('user'),
    ...jobs.map((j) => j.userId),
    ...payments.map((p) => p.userId),
  ]);
  const jobOwner = new Map(jobs.map((j) => [j._id.toString(), emails.get(j.userId.toString())]));
  const payment = new Map(payments.map((p) => [p._id.toString(), p]));

  const labels = new Map<string, AuditEntityLabel>();
  for (const e of entries) {
    const id = e.entity.id;
    let label: AuditEntityLabel;
    switch (e.entity.type) {
      case 'user':
        label = id
          ? { label: emails.get(id) ?? `Deleted person ${shortId(id)}`, href: `/admin/users/${id}` }
          : { label: 'A person' };
        break;
      case 'tryon_job': {
        const owner = id ? jobOwner.get(id) : undefined;
        label = id
          ? {
              label: `Job ${shortId(id)}${owner ? ` · ${owner}` : ''}`,
              href: `/admin/jobs/${id}`,
            }
          : { label: 'A job' };
        break;
      }
      case 'payment': {
        const p = id ? payment.get(id) : undefined;
        const payer = p ? emails.get(p.userId.toString()) : undefined;
        label = id
          ? {
              label: [`Payment ${p ? formatCents(p.amountCents, p.currency) : shortId(id)}`, payer]
                .filter(Boolean)
                .join(' · '),
              href: `/admin/payments/${id}`,
            }
          : { label: 'A payment' };
        break;
      }
      case 'prompt': {
        const [type = '', version = ''] = (id ?? '').split(':');
        label = {
          label: `${PROMPT_TYPE_NAMES[type] ?? 'Prompt'}${version ? ` ${version}` : ''}`,
          ...(PROMPT_TYPE_NAMES[type] ? { href: `/admin/prompts/${type}` } : {}),
        };
        break;
      }
      case 'ledger':
        label = { label: 'Credit ledger (all balances)', href: '/admin/ledger' };
        break;
      case 'daily_stats':
        label = { label: 'Daily analytics', href: '/admin/analytics' };
        break;
      case 'support_message':
        label = {
          label: `Support message${id ? ` ${shortId(id)}` : ''}`,
          href: '/admin/support',
        };
        break;
      default:
        label = { label: `${e.entity.type.replace(/_/g, ' ')}${id ? ` ${shortId(id)}` : ''}` };
    }
    labels.set(key(e), label);
  }
  return labels;
}

/** The labels as a plain object for a page's props (`type:id` → label). */
export async function auditEntityLabelRecord(
  entries: Array<Pick<AuditLogJson, 'entity'>>,
): Promise<Record<string, AuditEntityLabel>> {
  return Object.fromEntries(await auditEntityLabels(entries));
}

export { key as auditEntityKey };
