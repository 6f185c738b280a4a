import type { z } from 'zod';
import { adminOperationId } from './admin-operation-id';
import { CREDIT_COSTS } from './config';
import type { balanceSchema, transactionSchema } from './schemas';
import type { Balance, LedgerEntry } from './types';

export function serializeBalance(b: Balance): z.infer<typeof balanceSchema> {
  return {
    free_credits: b.free,
    paid_credits: b.paid,
    total_credits: b.total,
    daily_free_allowance: b.dailyAllowance,
    next_free_top_up_at: b.nextTopUpAt.toISOString(),
    costs: { ...CREDIT_COSTS },
  };
}

/**
 * The reference a person sees. Admin adjustments are referenced by their
 * operation id; entries written before that (`admin`, reference id = the
 * admin's user id) are shown the same way, from their `admin:<uuid>` key.
 */
function reference(e: LedgerEntry): { reference_type: string; reference_id?: string } {
  if (e.referenceType === 'admin' || e.referenceType === 'admin_action') {
    const op = e.idempotencyKey.startsWith('admin:') ? adminOperationId(e.idempotencyKey) : null;
    return { reference_type: 'admin_action', ...(op ? { reference_id: op } : {}) };
  }
  return {
    reference_type: e.referenceType,
    ...(e.referenceId ? { reference_id: e.referenceId } : {}),
  };
}

export function serializeTransaction(e: LedgerEntry): z.infer<typeof transactionSchema> {
  return {
    id: e.id,
    type: e.type,
    credits: e.credits,
    free_delta: e.freeDelta,
    paid_delta: e.paidDelta,
    balance_after: e.balanceAfter,
    description: e.description,
    ...reference(e),
    created_at: e.createdAt.toISOString(),
  };
}

const CSV_COLUMNS = [
  'created_at',
  'type',
  'credits',
  'free_delta',
  'paid_delta',
  'balance_after',
  'description',
  'reference_type',
  'reference_id',
  'id',
] as const;

function csvCell(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  // Quote always; neutralise spreadsheet formula injection.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+$/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(e: LedgerEntry): string {
  const t = serializeTransaction(e) as Record<string, unknown>;
  return `${CSV_COLUMNS.map((c) => csvCell(t[c])).join(',')}\r\n`;
}
