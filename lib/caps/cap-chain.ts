import { CapEntry } from '@/models/cap-entry';
import { appendAtNextSeq, insertOnce, seqId } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import type { CapScope } from './types';

/**
 * The counter chain under every cap (models/cap-entry.ts): entries
 * `<chain>:<seq>` appended with appendAtNextSeq, like the credit ledger, so
 * of concurrent reservations each sees the counter the previous one left and
 * the cap can never be passed — not by racing requests, not across
 * instances, not on FerretDB (whose conditional updates are not atomic).
 * Never count-then-insert. Hot-path reads are by `_id` only.
 */

export interface ChainHead {
  seq: number;
  used: number;
}

interface EntryDoc {
  _id: string;
  seq: number;
  kind: 'reserve' | 'release' | 'head';
  amount: number;
  usedAfter: number;
  opKey: string;
  expiresAt: Date;
}

export function chainName(scope: CapScope, subject: string, periodKey: string): string {
  return `${scope}:${subject}:${periodKey}`;
}

const headHintId = (chain: string) => `${chain}:head`;
/** The hint document is refreshed every HINT_EVERY appends (a lagging hint costs a short walk). */
const HINT_EVERY = 16;
const MAX_ATTEMPTS = 200;

// ---- test hooks -------------------------------------------------------------

const hooks = { serialize: true };

/** Test-only: turn the in-process per-chain queue off to race for real. */
export function setCapTestHooks(h: Partial<typeof hooks>): void {
  Object.assign(hooks, h);
}

export function resetCapTestHooks(): void {
  hooks.serialize = true;
  lastKnown.clear();
}

// ---- head -------------------------------------------------------------------

/** The head this process last saw per chain: it can lag (another process appended), never lead. */
const lastKnown = new Map<string, ChainHead>();
const LAST_KNOWN_MAX = 10_000;

function remember(chain: string, head: ChainHead): void {
  if (lastKnown.size >= LAST_KNOWN_MAX) lastKnown.clear();
  const known = lastKnown.get(chain);
  if (!known || known.seq < head.seq) lastKnown.set(chain, head);
}

async function startingPoint(chain: string): Promise<ChainHead> {
  const known = lastKnown.get(chain);
  if (known) return known;
  const hint = await CapEntry.findById(headHintId(chain), { seq: 1 }).lean<{ seq: number }>();
  if (hint && hint.seq > 0) {
    const e = await CapEntry.findById(seqId(chain, hint.seq), {
      seq: 1,
      usedAfter: 1,
    }).lean<EntryDoc>();
    if (e) return { seq: e.seq, used: e.usedAfter };
  }
  return { seq: 0, used: 0 };
}

/** Follows the chain from `from` to its head; with `opKey`, stops at the entry carrying it. */
async function walk(
  chain: string,
  from: ChainHead,
  opKey?: string,
): Promise<{ head: ChainHead; found?: EntryDoc }> {
  let head = from;
  for (;;) {
    const next = await CapEntry.findById(seqId(chain, head.seq + 1)).lean<EntryDoc>();
    if (!next) return { head };
    if (opKey && next.opKey === opKey) return { head, found: next };
    head = { seq: next.seq, used: next.usedAfter };
    remember(chain, head);
  }
}

/** The counter now (walks to the head). */
export async function readChainUsed(chain: string): Promise<number> {
  return (await walk(chain, await startingPoint(chain))).head.used;
}

/** An operation already applied to the chain (an index lookup, off the hot path). */
export async function findChainOp(chain: string, opKey: string): Promise<EntryDoc | null> {
  return CapEntry.findOne({ chain, opKey }).lean<EntryDoc>();
}

async function refreshHint(chain: string, seq: number, expiresAt: Date): Promise<void> {
  if (seq % HINT_EVERY !== 0) return;
  try {
    await CapEntry.updateOne(
      { _id: headHintId(chain) },
      {
        $max: { seq },
        $setOnInsert: { chain, kind: 'head', amount: 0, usedAfter: 0, opKey: 'head', expiresAt },
      },
      { upsert: true },
    );
  } catch {
    // A hint only: losing an upsert race or a write costs a longer walk, nothing else.
  }
}

// ---- one operation ------------------------------------------------------------

const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` after earlier operations on the same chain in this process. */
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

export type ChainPlan<R> =
  { append: { kind: 'reserve' | 'release'; amount: number; releases?: string } } | { refuse: R };

export type ChainOutcome<R> =
  | { applied: true; entry: { seq: number; usedAfter: number }; replayed: boolean }
  | { applied: false; refusal: R };

/**
 * Applies one operation to a chain exactly once: `plan` sees the true head
 * and says what to append (or refuses; a refusal is only final on the true
 * head, and never for an operation that was already applied).
 */
export async function applyChainOp<R>(
  chain: string,
  opKey: string,
  expiresAt: Date,
  plan: (head: ChainHead) => ChainPlan<R>,
): Promise<ChainOutcome<R>> {
  const replayed = (e: EntryDoc): ChainOutcome<R> => ({
    applied: true,
    entry: { seq: e.seq, usedAfter: e.usedAfter },
    replayed: true,
  });
  return queued(chain, async () =>
    appendAtNextSeq<ChainHead, ChainOutcome<R>>({
      start: await startingPoint(chain),
      readHead: async (from) => (await walk(chain, from ?? (await startingPoint(chain)))).head,
      maxAttempts: MAX_ATTEMPTS,
      exhausted: () => {
        logger.error({ chain, opKey }, 'spend cap operation gave up after repeated contention');
        return new AppError('service_unavailable', 'Spend caps are busy; try again', {
          retryAfter: 1,
        });
      },
      tryAppend: async (head) => {
        const step = plan(head);
        if ('refuse' in step) {
          const latest = await walk(chain, head, opKey);
          if (latest.found) return { done: replayed(latest.found) };
          if (latest.head.seq !== head.seq) return { taken: true, head: latest.head, pause: false };
          const earlier = await findChainOp(chain, opKey);
          if (earlier) return { done: replayed(earlier) };
          return { done: { applied: false, refusal: step.refuse } };
        }
        const seq = head.seq + 1;
        const usedAfter = head.used + step.append.amount;
        const created = await insertOnce(CapEntry, {
          _id: seqId(chain, seq),
          chain,
          seq,
          kind: step.append.kind,
          amount: step.append.amount,
          usedAfter,
          opKey,
          ...(step.append.releases ? { releases: step.append.releases } : {}),
          expiresAt,
        });
        if (created.status === 'inserted') {
          remember(chain, { seq, used: usedAfter });
          await refreshHint(chain, seq, expiresAt);
          return { done: { applied: true, entry: { seq, usedAfter }, replayed: false } };
        }
        // The seq was taken, or this opKey exists (FerretDB does not say which index).
        const moved = await walk(chain, head, opKey);
        if (moved.found) return { done: replayed(moved.found) };
        if (moved.head.seq === head.seq) {
          const earlier = await findChainOp(chain, opKey);
          if (earlier) return { done: replayed(earlier) };
        }
        return { taken: true, head: moved.head };
      },
    }),
  );
}
