import type { CapPeriod } from './periods';

/**
 * What a cap counts: a key's credits per UTC day, an account's per calendar
 * month, an organisation's widget credits per day, a widget visitor's try-ons
 * per day. The name is what a refusal reports (`details.scope`).
 */
export type CapScope = 'key_daily' | 'account_monthly' | 'org_daily' | 'visitor_daily';

export interface CapChain {
  scope: CapScope;
  /** Whose counter: a key id, an owner id, an org id, `<keyId>:<visitorId>`… */
  subject: string;
  period: CapPeriod;
}

export interface ReserveCapInput extends CapChain {
  /** The cap: the counter may reach it, never pass it. */
  limit: number;
  /** What this operation adds (credits, or 1 for a count). */
  amount: number;
  /** Applied once per chain: a repeat returns the first outcome (`tryon:<jobId>`). */
  opKey: string;
}

export type ReserveCapResult =
  | { ok: true; used: number; replayed: boolean }
  | { ok: false; scope: CapScope; limit: number; used: number; resetsAt: Date };

export interface ReleaseCapInput {
  scope: CapScope;
  subject: string;
  periodKey: string;
  /** The reservation to give back. */
  opKey: string;
  /** Part of it (e.g. one failed sample's share); default all of it. */
  amount?: number;
  /** Distinct per partial release (default `release:<opKey>`): each applies once. */
  releaseKey?: string;
}
