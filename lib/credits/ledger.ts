import { Types } from 'mongoose';
import { CreditTransaction, User } from '@/models';
import type { CreditTxType } from '@/models/credit-transaction';
import { connectDb } from '@/lib/db';
import { AppError, isDuplicateKeyError } from '@/lib/errors';
import { emitUserEvent } from '@/lib/events/emit-user-event';
import { logger } from '@/lib/log';
import { DAILY_FREE_CREDITS, LOW_BALANCE_THRESHOLD } from './config';
import type { Actor, LedgerEntry, LedgerResult, LedgerState, ReferenceType } from './types';
import { utcDay } from './utc-day';

/**
 * The ledger engine. The ledger is the source of truth: each entry claims the
 * next `seq` of its owner under a unique (userId, seq) index, so concurrent
 * writers serialise on any MongoDB-wire server; the unique idempotencyKey
 * makes every operation apply once. See docs/architecture.md.
 */

export interface PlannedChange {
  type: CreditTxType;
  freeDelta: number;
  paidDelta: number;
  description: string;
  referenceType: ReferenceType;
  referenceId?: string;
  actor: Actor;
}

/** Computes the change from the current state, or throws (e.g. insufficient_credits). */
export type Planner = (state: LedgerState) => PlannedChange | Promise<PlannedChange>;

const MAX_ATTEMPTS = 200;

// ---- test hooks -------------------------------------------------------------

interface Hooks {
  /** Called after the entry is written, before the user projection is updated. */
  afterInsert?: (entry: LedgerEntry) => void | Promise<void>;
  /** Per-user in-process queue (on by default). Tests turn it off to race for real. */
  serialize: boolean;
  now: () => Date;
}

const hooks: Hooks = { serialize: true, now: () => new Date() };

/** Test-only: fault injection, clock and queueing control. */
export function setLedgerTestHooks(h: Partial<Hooks>): void {
  Object.assign(hooks, h);
}

export function resetLedgerTestHooks(): void {
  hooks.afterInsert = undefined;
  hooks.serialize = true;
  hooks.now = () => new Date();
}

export function ledgerNow(): Date {
  return hooks.now();
}

// ---- helpers ------------------------------------------------------------------

type EntryDoc = {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
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
  referenceId?: string | null;
  actor: { type: Actor['type']; id?: string | null };
  idempotencyKey: string;
  createdAt: Date;
};

export function toLedgerEntry(doc: EntryDoc): LedgerEntry {
  return {
    id: doc._id.toString(),
    userId: doc.userId.toString(),
    seq: doc.seq,
    type: doc.type,
    credits: doc.credits,
    freeDelta: doc.freeDelta,
    paidDelta: doc.paidDelta,
    freeAfter: doc.freeAfter,
    paidAfter: doc.paidAfter,
    balanceAfter: doc.balanceAfter,
    freeDay: doc.freeDay,
    description: doc.description,
    referenceType: doc.referenceType,
    ...(doc.referenceId ? { referenceId: doc.referenceId } : {}),
    actor: { type: doc.actor.type, ...(doc.actor.id ? { id: doc.actor.id } : {}) },
    idempotencyKey: doc.idempotencyKey,
    createdAt: doc.createdAt,
  };
}

export function toObjectId(userId: string): Types.ObjectId {
  if (!Types.ObjectId.isValid(userId)) throw new AppError('not_found', 'User not found');
  return new Types.ObjectId(userId);
}

export async function findEntryByKey(idempotencyKey: string): Promise<LedgerEntry | null> {
  const doc = await CreditTransaction.findOne({ idempotencyKey }).lean<EntryDoc>();
  return doc ? toLedgerEntry(doc) : null;
}

export async function readLedgerState(userId: Types.ObjectId): Promise<LedgerState> {
  const head = await CreditTransaction.findOne(
    { userId },
    { seq: 1, freeAfter: 1, paidAfter: 1, freeDay: 1 },
  )
    .sort({ seq: -1 })
    .lean<Pick<EntryDoc, 'seq' | 'freeAfter' | 'paidAfter' | 'freeDay'>>();
  return head
    ? { seq: head.seq, free: head.freeAfter, paid: head.paidAfter, freeDay: head.freeDay }
    : { seq: 0, free: 0, paid: 0, freeDay: null };
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` after earlier operations of the same user in this process. */
function queued<T>(key: string, fn: () => Promise<T>): Promise<T> {
  if (!hooks.serialize) return fn();
  const prev = queues.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

function jitter(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(2 ** Math.min(attempt, 6), 40);
  return new Promise((r) => setTimeout(r, ms));
}

type InsertOutcome = { ok: true; entry: LedgerEntry } | { ok: false };

async function insertEntry(
  userId: Types.ObjectId,
  state: LedgerState,
  change: PlannedChange,
  idempotencyKey: string,
  day: string,
): Promise<InsertOutcome> {
  const freeAfter = state.free + change.freeDelta;
  const paidAfter = state.paid + change.paidDelta;
  try {
    const created = await CreditTransaction.create({
      userId,
      seq: state.seq + 1,
      type: change.type,
      credits: change.freeDelta + change.paidDelta,
      freeDelta: change.freeDelta,
      paidDelta: change.paidDelta,
      freeAfter,
      paidAfter,
      balanceAfter: freeAfter + paidAfter,
      freeDay: day,
      description: change.description,
      referenceType: change.referenceType,
      ...(change.referenceId ? { referenceId: change.referenceId } : {}),
      actor: change.actor,
      idempotencyKey,
    });
    return { ok: true, entry: toLedgerEntry(created.toObject() as unknown as EntryDoc) };
  } catch (err) {
    // Either another writer took this seq, or this very key was applied
    // concurrently; the caller re-reads and finds out which.
    if (isDuplicateKeyError(err)) return { ok: false };
    throw err;
  }
}

async function project(userId: Types.ObjectId, entry: LedgerEntry): Promise<void> {
  // Best effort and monotone: never move the projection backwards. A crash
  // before this line is repaired by reconcile(); reads use the ledger itself.
  await User.updateOne(
    { _id: userId, ledgerSeq: { $lt: entry.seq } },
    {
      $set: {
        freeCredits: entry.freeAfter,
        paidCredits: entry.paidAfter,
        ledgerSeq: entry.seq,
        freeCreditsDay: entry.freeDay,
      },
    },
  );
}

async function afterWrite(
  userId: Types.ObjectId,
  before: LedgerState,
  entry: LedgerEntry,
): Promise<void> {
  if (hooks.afterInsert) await hooks.afterInsert(entry);
  await project(userId, entry);
  const was = before.free + before.paid;
  if (was >= LOW_BALANCE_THRESHOLD && entry.balanceAfter < LOW_BALANCE_THRESHOLD) {
    // One crossing = one entry = one event id.
    await emitUserEvent({
      userId: entry.userId,
      type: 'credits.low',
      id: `credits.low:${entry.id}`,
      payload: {
        balance: entry.balanceAfter,
        free_credits: entry.freeAfter,
        paid_credits: entry.paidAfter,
        threshold: LOW_BALANCE_THRESHOLD,
      },
    });
  }
}

/**
 * Brings the state to today's free allowance (the lazy daily top-up), writing
 * a `free` entry when credits are added. Returns the state to build on.
 */
async function topUp(
  userId: Types.ObjectId,
  state: LedgerState,
  day: string,
): Promise<LedgerState | 'retry'> {
  if (state.freeDay === day) return state;
  const missing = DAILY_FREE_CREDITS - state.free;
  if (missing <= 0) return { ...state, freeDay: day };
  const user = await User.findById(userId, { status: 1 }).lean<{ status: string }>();
  if (!user) throw new AppError('not_found', 'User not found');
  if (user.status !== 'active') return { ...state, freeDay: day };
  const change: PlannedChange = {
    type: 'free',
    freeDelta: missing,
    paidDelta: 0,
    description: `Daily free credits (${day})`,
    referenceType: 'daily',
    referenceId: day,
    actor: { type: 'system' },
  };
  const outcome = await insertEntry(userId, state, change, `free:${userId.toString()}:${day}`, day);
  if (!outcome.ok) return 'retry';
  await afterWrite(userId, state, outcome.entry);
  return {
    seq: outcome.entry.seq,
    free: outcome.entry.freeAfter,
    paid: outcome.entry.paidAfter,
    freeDay: day,
  };
}

/** The owner's state after today's top-up (writes the top-up if due). */
export async function currentState(userIdStr: string): Promise<LedgerState> {
  await connectDb();
  const userId = toObjectId(userIdStr);
  return queued(userIdStr, async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const state = await readLedgerState(userId);
      const next = await topUp(userId, state, utcDay(hooks.now()));
      if (next !== 'retry') return next;
      await jitter(attempt);
    }
    throw new AppError('service_unavailable', 'The credit ledger is busy; try again', {
      retryAfter: 1,
    });
  });
}

/**
 * Applies one operation exactly once. Replays (same key) return the original
 * entry; the planner may refuse by throwing an AppError.
 */
export async function applyLedgerOp(
  userIdStr: string,
  idempotencyKey: string,
  plan: Planner,
): Promise<LedgerResult> {
  await connectDb();
  const userId = toObjectId(userIdStr);
  return queued(userIdStr, async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const existing = await findEntryByKey(idempotencyKey);
      if (existing) {
        if (existing.userId !== userIdStr) {
          throw new AppError(
            'idempotency_conflict',
            'This idempotency key belongs to another operation',
          );
        }
        return { entry: existing, replayed: true };
      }
      const day = utcDay(hooks.now());
      const read = await readLedgerState(userId);
      const state = await topUp(userId, read, day);
      if (state === 'retry') {
        await jitter(attempt);
        continue;
      }
      const change = await plan(state);
      const outcome = await insertEntry(userId, state, change, idempotencyKey, day);
      if (!outcome.ok) {
        await jitter(attempt);
        continue;
      }
      await afterWrite(userId, state, outcome.entry);
      return { entry: outcome.entry, replayed: false };
    }
    logger.error(
      { userId: userIdStr, idempotencyKey },
      'ledger operation gave up after repeated contention',
    );
    throw new AppError('service_unavailable', 'The credit ledger is busy; try again', {
      retryAfter: 1,
    });
  });
}
