import type { AnyDefinedFunction, FunctionEvent, RunnableEvent, StepTools } from './contracts';
import { logger } from '@/lib/log';

/**
 * Inline mode: when no Inngest server is configured, the same function
 * definitions run in this process. run = call (memoised per step id across
 * retries, as Inngest does), sleep = a real timer, sendEvent = dispatch; the
 * retry count, per-key concurrency and onFailure handler are the function's
 * own. A run in memory dies with the process: work that must survive a
 * restart keeps its schedule in the database (webhook deliveries: their
 * `nextAttemptAt`, picked up by a cron), and the stuck-job sweeper recovers
 * try-ons. Cron functions tick on in-process timers, each tick claimed once
 * across instances.
 */

const MAX_INLINE_BACKOFF_MS = 4_000;
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;

type AnyDefined = AnyDefinedFunction;

interface InlineState {
  seen: Map<string, number>;
  inFlight: Set<Promise<void>>;
  slots: Map<string, { running: number; waiting: Array<() => void> }>;
  backoffScale: number;
  timers: NodeJS.Timeout[];
}

const g = globalThis as typeof globalThis & { __trailroomInline?: InlineState };
const state: InlineState = (g.__trailroomInline ??= {
  seen: new Map(),
  inFlight: new Set(),
  slots: new Map(),
  backoffScale: 1,
  timers: [],
});

/** Tests shrink retry back-off to keep runs fast; behaviour is otherwise identical. */
export function setInlineBackoffScale(scale: number): void {
  state.backoffScale = scale;
}

function readPath(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (acc, key) =>
        acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[key] : undefined,
      obj,
    );
}

async function acquire(key: string, limit: number): Promise<() => void> {
  let slot = state.slots.get(key);
  if (!slot) {
    slot = { running: 0, waiting: [] };
    state.slots.set(key, slot);
  }
  const s = slot;
  if (s.running >= limit) await new Promise<void>((resolve) => s.waiting.push(resolve));
  s.running += 1;
  return () => {
    s.running -= 1;
    const next = s.waiting.shift();
    if (next) next();
    else if (s.running === 0) state.slots.delete(key);
  };
}

function isNonRetriable(err: unknown): boolean {
  return err instanceof Error && err.name === 'NonRetriableError';
}

function serialise(err: unknown): { name: string; message: string } {
  return err instanceof Error
    ? { name: err.name, message: err.message }
    : { name: 'Error', message: String(err) };
}

function makeSteps(memo: Map<string, unknown>, functions: readonly AnyDefined[]): StepTools {
  return {
    async run<T>(id: string, fn: () => Promise<T> | T): Promise<T> {
      if (memo.has(id)) return memo.get(id) as T;
      const result = await fn();
      // Inngest hands back JSON; so does the shim, so no code depends on live objects.
      const json = result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as T);
      memo.set(id, json);
      return json as T;
    },
    async sleep(_id: string, ms: number): Promise<void> {
      // Real waits: long ones belong in the database (see the header).
      await new Promise((r) => setTimeout(r, ms));
    },
    async sendEvent(_id: string, events: RunnableEvent | RunnableEvent[]) {
      return dispatchInline(Array.isArray(events) ? events : [events], functions);
    },
  };
}

async function runFunction(
  def: AnyDefined,
  event: FunctionEvent<never>,
  functions: readonly AnyDefined[],
): Promise<void> {
  const d = def.definition;
  const release = d.concurrency
    ? await acquire(
        `${d.id}:${d.concurrency.key ? String(readPath({ event }, d.concurrency.key)) : '*'}`,
        d.concurrency.limit,
      )
    : () => {};
  const memo = new Map<string, unknown>();
  const log = logger.child({ fn: d.id, eventId: event.id, mode: 'inline' });
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await d.handler({ event, step: makeSteps(memo, functions), attempt, runner: 'inline' });
        return;
      } catch (err) {
        const final = isNonRetriable(err) || attempt >= d.retries;
        log.warn({ attempt, final, err: serialise(err) }, 'inline function attempt failed');
        if (final) {
          if (d.onFailure) {
            try {
              await d.onFailure({
                event,
                error: serialise(err),
                step: makeSteps(new Map(), functions),
              });
            } catch (failureErr) {
              log.error({ err: serialise(failureErr) }, 'inline onFailure handler failed');
            }
          }
          return;
        }
        const backoff = Math.min(250 * 2 ** attempt, MAX_INLINE_BACKOFF_MS) * state.backoffScale;
        await new Promise((r) => setTimeout(r, backoff));
      }
    }
  } finally {
    release();
  }
}

function track(p: Promise<void>): void {
  state.inFlight.add(p);
  void p.finally(() => state.inFlight.delete(p));
}

/** Runs every function triggered by these events, in the background. */
export function dispatchInline(
  events: readonly RunnableEvent[],
  functions: readonly AnyDefined[],
): { ids: string[] } {
  const now = Date.now();
  const ids: string[] = [];
  for (const [id, at] of state.seen) if (now - at > SEEN_TTL_MS) state.seen.delete(id);
  for (const e of events) {
    const id = e.id ?? `inline-${crypto.randomUUID()}`;
    ids.push(id);
    if (state.seen.has(id)) continue; // Inngest drops a repeated event id too.
    state.seen.set(id, now);
    const event = { name: e.name, data: e.data, id } as FunctionEvent<never>;
    for (const def of functions) {
      const t = def.definition.trigger;
      if ('event' in t && t.event === e.name) {
        track(
          new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
            runFunction(def, event, functions),
          ),
        );
      }
    }
  }
  return { ids };
}

/** Resolves when every inline run (including ones they trigger) has finished. */
export async function drainInline(timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (state.inFlight.size > 0) {
    if (Date.now() > deadline) throw new Error(`inline jobs still running after ${timeoutMs} ms`);
    await Promise.race([
      Promise.allSettled([...state.inFlight]),
      new Promise((r) => setTimeout(r, 50)),
    ]);
  }
}

/** Claims one cron tick for this instance (true for exactly one instance per key). */
export type ClaimCronTick = (key: string, tickAt: Date) => Promise<boolean>;

/**
 * One tick of an inline cron function: the tick is the start of the current
 * interval (wall clock), claimed as `cron:<functionId>:<tick ISO time>`, so
 * of several instances whose timers fire within one interval exactly one runs
 * it. Returns whether this call ran it. `now` is the tick's clock (tests).
 */
export async function runInlineCronTick(
  def: AnyDefined,
  functions: readonly AnyDefined[],
  opts: { claimTick: ClaimCronTick; now?: Date },
): Promise<boolean> {
  const t = def.definition.trigger;
  if (!('cron' in t)) throw new Error(`${def.definition.id} is not a cron function`);
  const every = def.definition.inlineIntervalMs ?? 60_000;
  const now = opts.now ?? new Date();
  const tickAt = new Date(Math.floor(now.getTime() / every) * every);
  const key = `cron:${def.definition.id}:${tickAt.toISOString()}`;
  let claimed: boolean;
  try {
    claimed = await opts.claimTick(key, tickAt);
  } catch (err) {
    logger.warn({ fn: def.definition.id, err: serialise(err) }, 'inline cron tick not claimed');
    return false;
  }
  // Debug only (quiet in production): the two-instance test counts these lines.
  const tick = { fn: def.definition.id, tick: tickAt.toISOString() };
  if (!claimed) {
    logger.debug(tick, 'inline cron tick claimed by another instance');
    return false;
  }
  logger.debug(tick, 'inline cron tick claimed');
  await runFunction(
    def,
    {
      name: 'inngest/scheduled.timer',
      data: { cron: t.cron, ...(opts.now ? { now: opts.now.toISOString() } : {}) },
      id: key,
    } as FunctionEvent<never>,
    functions,
  );
  return true;
}

/** Starts in-process timers for cron functions (inline mode only). */
export function startInlineCrons(
  functions: readonly AnyDefined[],
  opts: { claimTick: ClaimCronTick },
): void {
  if (state.timers.length > 0) return;
  for (const def of functions) {
    if (!('cron' in def.definition.trigger)) continue;
    const every = def.definition.inlineIntervalMs ?? 60_000;
    const timer = setInterval(() => {
      track(runInlineCronTick(def, functions, opts).then(() => undefined));
    }, every);
    timer.unref();
    state.timers.push(timer);
  }
  logger.info({ crons: state.timers.length }, 'inline cron timers started');
}
