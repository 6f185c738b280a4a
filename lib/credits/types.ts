import type { CreditTxType } from '@/models/credit-transaction';
import type { OwnerType } from '@/models/enums';

export type { CreditTxType, OwnerType };

export interface Actor {
  type: 'user' | 'system' | 'admin';
  id?: string;
}

/**
 * `admin_action`: an admin's adjustment, referenced by its operation id (the
 * uuid of `admin:<uuid>`), never by the admin's user id. `admin` is the
 * legacy form (reference id = the admin's id), hidden when serialised.
 */
export type ReferenceType = 'tryon_job' | 'payment' | 'admin' | 'admin_action' | 'daily' | 'system';

export interface LedgerEntry {
  id: string;
  /** The owner id: a person's or an organisation's. */
  userId: string;
  /** Entries from before organisations have none stored: 'user'. */
  ownerType: OwnerType;
  seq: number;
  type: CreditTxType;
  credits: number;
  freeDelta: number;
  paidDelta: number;
  freeAfter: number;
  paidAfter: number;
  balanceAfter: number;
  freeDay: string;
  description: string;
  referenceType: ReferenceType;
  referenceId?: string;
  actor: Actor;
  idempotencyKey: string;
  createdAt: Date;
}

export interface LedgerResult {
  entry: LedgerEntry;
  /** True when the key had already been applied: nothing changed this time. */
  replayed: boolean;
}

/** The owner's balances as of their latest ledger entry. */
export interface LedgerState {
  seq: number;
  free: number;
  paid: number;
  freeDay: string | null;
}

export interface Balance {
  free: number;
  paid: number;
  total: number;
  dailyAllowance: number;
  nextTopUpAt: Date;
}
