import { Types } from 'mongoose';
import { CreditTransaction, Organization, User } from '@/models';
import type { CreditTxType } from '@/models/credit-transaction';
import type { OwnerType } from '@/models/enums';
import { appendAtNextSeq, insertOnce, seqId } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { emitUserEvent } from '@/lib/events/emit-user-event';
import { logger } from '@/lib/log';
import { knownOwnerType, rememberOwnerType } from '@/lib/orgs/find-owner';
import { DAILY_FREE_CREDITS, LOW_BALANCE_THRESHOLD } from './config';
import type { Actor, LedgerEntry, LedgerResult, LedgerState, ReferenceType } from './types';
import { utcDay } from './utc-day';

/**
 * The ledger engine. The ledger is the source of truth: each entry claims the
 * next `seq` of its owner (`_id` `<userId>:<seq>`, appendAtNextSeq), so
 * concurrent writers serialise on any MongoDB-wire server; the unique
 * idempotencyKey makes every operation apply once. See docs/architecture.md.
 *
 * The owner is a person or an organisation (`userId` holds the owner id, the
 * parameter keeps its name): the projection lives on the `users` or the
 * `organizations` document, entries record `ownerType`, and organisations get
 * no daily free credits.
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

/** A stored entry as MongoDB returns it (LedgerEntry is its public shape). */
type EntryDoc = Omit<LedgerEntry, 'id' | 'userId' | 'referenceId' | 'actor' | 'ownerType'> & {
  _id: string;
  userId: Types.ObjectId;
  ownerType?: OwnerType | null;
  referenceId?: string | null;
  actor: { type: Actor['type']; id?: string | null };
};

/** The ledger entry id: `<userId>:<seq>`. */
export function entryId(userId: string, seq: number): string {
  return seqId(userId, seq);
}

export function toLedgerEntry(doc: EntryDoc): LedgerEntry {
  return {
    id: doc._id,
    userId: doc.userId.toString(),
    ownerType: doc.ownerType ?? 'user',
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

/** Looks an operation up by its key (an index scan on MongoDB; used off the hot path). */
export async function findEntryByKey(idempotencyKey: string): Promise<LedgerEntry | null> {
  const doc = await CreditTransaction.findOne({ idempotencyKey }).lean<EntryDoc>();
  return doc ? toLedgerEntry(doc) : null;
}

const EMPTY: LedgerState = { seq: 0, free: 0, paid: 0, freeDay: null };

/**
 * The head this process last wrote or read, per user: a hint that saves two
 * reads per operation. It can only lag behind the ledger (another process
 * appended), never run ahead, and a lagging hint just makes the insert hit a
 * taken seq and walk forward.
 */
const lastKnown = new Map<string, LedgerState>();
const LAST_KNOWN_MAX = 10_000;

function remember(uid: string, state: LedgerState): void {
  if (lastKnown.size >= LAST_KNOWN_MAX) lastKnown.clear();
  lastKnown.set(uid, state);
}

function stateOf(e: Pick<EntryDoc, 'seq' | 'freeAfter' | 'paidAfter' | 'freeDay'>): LedgerState {
  return { seq: e.seq, free: e.freeAfter, paid: e.paidAfter, freeDay: e.freeDay };
}

type Projection = { ledgerSeq?: number; status?: string };

/**
 * The owner's projection fields, from `users` or `organizations` (`_id`
 * reads; the kind is cached per id, so after the first operation one read).
 */
async function readProjection(
  userId: Types.ObjectId,
  fields: Record<string, 1>,
): Promise<{ kind: OwnerType; doc: Projection } | null> {
  const uid = userId.toString();
  if (knownOwnerType(uid) !== 'organization') {
    const user = await User.findById(userId, fields).lean<Projection>();
    if (user) {
      rememberOwnerType(uid, 'user');
      return { kind: 'user', doc: user };
    }
  }
  const org = await Organization.findById(userId, fields).lean<Projection>();
  if (org) {
    rememberOwnerType(uid, 'organization');
    return { kind: 'organization', doc: org };
  }
  return null;
}

/** Whether the ledger's owner is a person or an organisation. */
async function ownerKind(userId: Types.ObjectId): Promise<OwnerType> {
  const known = knownOwnerType(userId.toString());
  if (known) return known;
  const found = await readProjection(userId, { _id: 1 });
  if (!found) throw new AppError('not_found', 'User not found');
  return found.kind;
}

/**
 * A starting point near the head: the owner document's projection names the
 * last projected entry, which is then read by `_id` (the projection is only
 * a hint; the entry is the truth). Both are primary-key reads.
 */
async function startingPoint(userId: Types.ObjectId, uid: string): Promise<LedgerState> {
  const known = lastKnown.get(uid);
  if (known) return known;
  const found = await readProjection(userId, { ledgerSeq: 1 });
  if (!found) throw new AppError('not_found', 'User not found');
  const hint = found.doc.ledgerSeq ?? 0;
  if (hint > 0) {
    const e = await CreditTransaction.findById(entryId(uid, hint), {
      seq: 1,
      freeAfter: 1,
      paidAfter: 1,
      freeDay: 1,
    }).lean<EntryDoc>();
    if (e) return stateOf(e);
  }
  return EMPTY;
}

/**
 * Follows the chain forward from `state` to the current head. With `key`,
 * stops at an entry carrying that key (a concurrent replay of this operation).
 */
async function walk(
  uid: string,
  from: LedgerState,
  key?: string,
): Promise<{ state: LedgerState; found?: LedgerEntry }> {
  let state = from;
  for (;;) {
    const next = await CreditTransaction.findById(entryId(uid, state.seq + 1)).lean<EntryDoc>();
    if (!next) return { state };
    if (key && next.idempotencyKey === key) return { state, found: toLedgerEntry(next) };
    state = stateOf(next);
    remember(uid, state);
  }
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
  const seq = state.seq + 1;
  const created = await insertOnce(CreditTransaction, {
    _id: entryId(userId.toString(), seq),
    userId,
    ownerType: await ownerKind(userId),
    seq,
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
  // Another writer took this seq, or this very key exists: the caller
  // walks the chain and finds out which (FerretDB does not say which index).
  if (created.status === 'existing') return { ok: false };
  const entry = toLedgerEntry(created.doc as unknown as EntryDoc);
  remember(entry.userId, stateOf({ seq, freeAfter, paidAfter, freeDay: day }));
  return { ok: true, entry };
}

/**
 * Copies the head onto the owner's document (user or organisation). An update is not atomic on
 * FerretDB, so two writers projecting at once can leave the older state last.
 * Hence: write, then look for a newer entry (one `_id` read); if there is one,
 * project the head instead. Whoever writes last sees every entry whose
 * projection it overwrote, so the projection converges on the head. A crash
 * before this runs is repaired by reconcile(); writers only use it as a hint.
 */
async function project(userId: Types.ObjectId, entry: LedgerEntry): Promise<void> {
  const uid = userId.toString();
  let head: LedgerState = stateOf(entry);
  const kind = await ownerKind(userId);
  for (let round = 0; round < 10; round += 1) {
    const $set = {
      freeCredits: head.free,
      paidCredits: head.paid,
      ledgerSeq: head.seq,
      freeCreditsDay: head.freeDay,
    };
    if (kind === 'organization') await Organization.updateOne({ _id: userId }, { $set });
    else await User.updateOne({ _id: userId }, { $set });
    const latest = (await walk(uid, head)).state;
    if (latest.seq === head.seq) return;
    head = latest;
  }
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
 * a `free` entry when credits are added. Returns the state to build on, or
 * 'retry' when another writer moved the head first.
 */
async function topUp(
  userId: Types.ObjectId,
  state: LedgerState,
  day: string,
): Promise<LedgerState | 'retry'> {
  if (state.freeDay === day) return state;
  // Organisations buy every credit: no daily allowance.
  if ((await ownerKind(userId)) === 'organization') return { ...state, freeDay: day };
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
  return stateOf({
    seq: outcome.entry.seq,
    freeAfter: outcome.entry.freeAfter,
    paidAfter: outcome.entry.paidAfter,
    freeDay: day,
  });
}

function busy(userId: string, idempotencyKey?: string): AppError {
  logger.error({ userId, idempotencyKey }, 'ledger operation gave up after repeated contention');
  return new AppError('service_unavailable', 'The credit ledger is busy; try again', {
    retryAfter: 1,
  });
}

/** The owner's state after today's top-up (writes the top-up if due). */
export async function currentState(uid: string): Promise<LedgerState> {
  const userId = toObjectId(uid);
  return queued(uid, () =>
    appendAtNextSeq<LedgerState, LedgerState>({
      readHead: async (from) => (await walk(uid, from ?? (await startingPoint(userId, uid)))).state,
      maxAttempts: MAX_ATTEMPTS,
      exhausted: () => busy(uid),
      tryAppend: async (state) => {
        const next = await topUp(userId, state, utcDay(hooks.now()));
        return next === 'retry'
          ? { taken: true, head: (await walk(uid, state)).state }
          : { done: next };
      },
    }),
  );
}

async function replayOf(uid: string, idempotencyKey: string): Promise<LedgerResult | null> {
  const existing = await findEntryByKey(idempotencyKey);
  if (!existing) return null;
  if (existing.userId !== uid)
    throw new AppError('idempotency_conflict', 'This idempotency key belongs to another operation');
  return { entry: existing, replayed: true };
}

/**
 * Applies one operation exactly once. Replays (same key) return the original
 * entry; the planner may refuse by throwing an AppError. The common path is
 * two writes: insert the next entry, update the projection (the head comes
 * from this process's last operation, or two primary-key reads).
 */
export async function applyLedgerOp(
  uid: string,
  idempotencyKey: string,
  plan: Planner,
): Promise<LedgerResult> {
  const userId = toObjectId(uid);
  return queued(uid, async () =>
    appendAtNextSeq<LedgerState, LedgerResult>({
      start: await startingPoint(userId, uid),
      readHead: async (from) => (await walk(uid, from ?? (await startingPoint(userId, uid)))).state,
      maxAttempts: MAX_ATTEMPTS,
      exhausted: () => busy(uid, idempotencyKey),
      tryAppend: async (state) => {
        const day = utcDay(hooks.now());
        const topped = await topUp(userId, state, day);
        if (topped === 'retry') return { taken: true, head: (await walk(uid, state)).state };
        let change: PlannedChange;
        try {
          change = await plan(topped);
        } catch (err) {
          // Refuse only on the true head (the projection may lag behind it)…
          const latest = await walk(uid, topped);
          if (latest.state.seq !== topped.seq)
            return { taken: true, head: latest.state, pause: false };
          // …and a refused operation may be a replay of one that was applied.
          const replay = await replayOf(uid, idempotencyKey);
          if (replay) return { done: replay };
          throw err;
        }
        const outcome = await insertEntry(userId, topped, change, idempotencyKey, day);
        if (outcome.ok) {
          await afterWrite(userId, topped, outcome.entry);
          return { done: { entry: outcome.entry, replayed: false } };
        }
        const moved = await walk(uid, topped, idempotencyKey);
        if (moved.found) return { done: { entry: moved.found, replayed: true } };
        if (moved.state.seq === topped.seq) {
          // Nothing new at the head: the key itself was the duplicate.
          const replay = await replayOf(uid, idempotencyKey);
          if (replay) return { done: replay };
        }
        return { taken: true, head: moved.state };
      },
    }),
  );
}
