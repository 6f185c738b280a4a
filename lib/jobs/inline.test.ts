import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DefinedFunction, FunctionDefinition } from './contracts';
import { dispatchInline, drainInline, setInlineBackoffScale } from './inline';

// The shim is exercised with plain definitions (no Inngest client needed).
function def<T>(d: FunctionDefinition<T, unknown>): DefinedFunction<never, unknown> {
  return { definition: d, fn: {} as never } as unknown as DefinedFunction<never, unknown>;
}

afterEach(() => setInlineBackoffScale(1));

describe('inline mode', () => {
  it('retries with memoised steps: a finished step is not run again', async () => {
    setInlineBackoffScale(0);
    const first = vi.fn(async () => 'loaded');
    let calls = 0;
    const fn = def<{ n: number }>({
      id: 'memo',
      trigger: { event: 'test/memo' },
      retries: 3,
      handler: async ({ step }) => {
        await step.run('load', first);
        await step.run('flaky', async () => {
          calls += 1;
          if (calls < 3) throw new Error('transient');
          return calls;
        });
      },
    });
    dispatchInline([{ name: 'test/memo', data: { n: 1 }, id: `memo-${Math.random()}` }], [fn]);
    await drainInline();
    expect(first).toHaveBeenCalledTimes(1);
    expect(calls).toBe(3);
  });

  it('runs onFailure once after the last retry, and not for NonRetriableError retries', async () => {
    setInlineBackoffScale(0);
    const attempts: number[] = [];
    const onFailure = vi.fn(async (_ctx: unknown) => undefined);
    const fn = def({
      id: 'fails',
      trigger: { event: 'test/fails' },
      retries: 2,
      handler: async ({ attempt }) => {
        attempts.push(attempt);
        throw new Error('always');
      },
      onFailure,
    });
    const final = def({
      id: 'final',
      trigger: { event: 'test/final' },
      retries: 5,
      handler: async () => {
        attempts.push(-1);
        throw Object.assign(new Error('no'), { name: 'NonRetriableError' });
      },
      onFailure,
    });
    dispatchInline([{ name: 'test/fails', data: {}, id: `f-${Math.random()}` }], [fn]);
    dispatchInline([{ name: 'test/final', data: {}, id: `g-${Math.random()}` }], [final]);
    await drainInline();
    expect(attempts.filter((a) => a >= 0)).toEqual([0, 1, 2]);
    expect(attempts.filter((a) => a === -1)).toHaveLength(1);
    expect(onFailure).toHaveBeenCalledTimes(2);
    expect(onFailure.mock.calls[0]?.[0]).toMatchObject({ error: { message: expect.any(String) } });
  });

  it('drops a repeated event id, like Inngest', async () => {
    const handler = vi.fn(async () => undefined);
    const fn = def({ id: 'dedupe', trigger: { event: 'test/dedupe' }, retries: 0, handler });
    const id = `same-${Math.random()}`;
    dispatchInline([{ name: 'test/dedupe', data: {}, id }], [fn]);
    dispatchInline([{ name: 'test/dedupe', data: {}, id }], [fn]);
    await drainInline();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('honours a per-key concurrency limit', async () => {
    let running = 0;
    let peak = 0;
    const fn = def<{ userId: string }>({
      id: 'limited',
      trigger: { event: 'test/limited' },
      retries: 0,
      concurrency: { limit: 2, key: 'event.data.userId' },
      handler: async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running -= 1;
      },
    });
    dispatchInline(
      Array.from({ length: 6 }, (_, i) => ({
        name: 'test/limited',
        data: { userId: 'u1' },
        id: `l-${i}-${Math.random()}`,
      })),
      [fn],
    );
    await drainInline();
    expect(peak).toBe(2);
  });
});

describe('inline sleeps', () => {
  afterEach(() => vi.useRealTimers());

  it('wait the full time asked (no cap): a 10 s step.sleep is not over after 9.9 s', async () => {
    vi.useFakeTimers();
    const done = vi.fn();
    const fn = def({
      id: 'sleeper',
      trigger: { event: 'test/sleeper' },
      retries: 0,
      handler: async ({ step, runner }) => {
        expect(runner).toBe('inline');
        await step.sleep('ten-seconds', 10_000);
        done();
      },
    });
    dispatchInline([{ name: 'test/sleeper', data: {}, id: `s-${Math.random()}` }], [fn]);
    await vi.advanceTimersByTimeAsync(9_900);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toHaveBeenCalledTimes(1);
  });
});
