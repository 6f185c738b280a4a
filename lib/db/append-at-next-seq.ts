/**
 * Append-only logs with a total order per owner: each entry's `_id` is
 * `<owner>:<seq>` under the unique `_id` index, so of racing writers exactly
 * one takes each seq; the others move their head forward and try the next
 * one after a random pause (so they do not collide again in lockstep). The
 * credit ledger, the prompt activation log and the admin grant log are built
 * on it.
 */

/** The `_id` of an owner's entry at `seq`. */
export function seqId(owner: string, seq: number): string {
  return `${owner}:${seq}`;
}

/** Random pause before the next try, growing with the attempt (at most 40 ms). */
export function seqJitter(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(2 ** Math.min(attempt, 6), 40);
  return new Promise((r) => setTimeout(r, ms));
}

/** What one try at the head made of it. */
export type AppendStep<H, R> =
  /** Finished: the entry was appended, or nothing needed writing (a replay, no change). */
  | { done: R }
  /**
   * The seq was taken (or the head moved): after a random pause (unless
   * `pause: false`), try again from `head`, or from `readHead()` when not given.
   */
  | { taken: true; head?: H; pause?: boolean };

export interface AppendAtNextSeqOptions<H extends { seq: number }, R> {
  /** The current head (seq 0 for an empty log); `from` is the last head seen. */
  readHead: (from?: H) => Promise<H>;
  /** One try: write the entry at `seqId(owner, head.seq + 1)` (insertOnce), or decide not to. */
  tryAppend: (head: H, attempt: number) => Promise<AppendStep<H, R>>;
  maxAttempts: number;
  /** The error when every attempt lost its race. */
  exhausted: () => Error;
  /** Where to start instead of `readHead()` (a head known from before). */
  start?: H;
}

/** Appends at the next sequence number of an owner's log, walking forward past taken seqs. */
export async function appendAtNextSeq<H extends { seq: number }, R>(
  opts: AppendAtNextSeqOptions<H, R>,
): Promise<R> {
  let head = opts.start ?? (await opts.readHead());
  for (let attempt = 0; attempt < opts.maxAttempts; attempt += 1) {
    const step = await opts.tryAppend(head, attempt);
    if ('done' in step) return step.done;
    if (step.pause !== false) await seqJitter(attempt);
    head = step.head ?? (await opts.readHead(head));
  }
  throw opts.exhausted();
}
