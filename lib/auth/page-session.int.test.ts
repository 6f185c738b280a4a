import { afterEach, describe, expect, it, vi } from 'vitest';
import { filterKeys, recordQueries } from '@/lib/testing/record-queries';
import { createTestUser, sessionToken } from '@/lib/testing/session-request';

// Server components run React's server build, where React.cache keeps values
// for one request (the renderer installs a per-request cache dispatcher).
// This file runs lib/auth/caller under that build and installs a dispatcher
// per simulated request the way the renderer does, so the count below is of
// the real cache, not of a stand-in.
vi.mock('react', async () => {
  const { createRequire } = await import('node:module');
  // Not in react's export map: loaded by path, as Next's server layer resolves it.
  return createRequire(import.meta.url)(
    '../../node_modules/react/cjs/react.react-server.production.js',
  );
});

const jar = vi.hoisted(() => ({ current: {} as Record<string, string> }));
vi.mock('next/headers', () => ({
  cookies: async () => jar.current,
  headers: async () => new Headers(),
}));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));

interface Dispatcher {
  getCacheForType<T>(create: () => T): T;
}
interface ServerInternals {
  A: Dispatcher | null;
}

/** Runs `fn` as one request: a fresh React cache for its duration, as the Flight renderer sets one up. */
async function inRequest<T>(fn: () => Promise<T>): Promise<T> {
  const react = (await import('react')) as unknown as {
    __SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE: ServerInternals;
  };
  const internals = react.__SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
  const caches = new Map<unknown, unknown>();
  const previous = internals.A;
  internals.A = {
    getCacheForType<T>(create: () => T): T {
      if (!caches.has(create)) caches.set(create, create());
      return caches.get(create) as T;
    },
  };
  try {
    return await fn();
  } finally {
    internals.A = previous;
  }
}

afterEach(() => {
  jar.current = {};
});

describe('the page session is read once per request', () => {
  it('a layout and its page (and a header) share one user read; the next request reads again', async () => {
    const { getSessionUser, requirePageUser } = await import('./caller');
    const user = await createTestUser();
    jar.current = { 'next-auth.session-token': await sessionToken(user) };

    const first = await recordQueries(() =>
      inRequest(async () => {
        const layout = await requirePageUser({ returnTo: '/studio' });
        const page = await requirePageUser({ returnTo: '/studio' });
        const header = await getSessionUser();
        return [layout.userId, page.userId, header?.userId];
      }),
    );
    expect(first.result).toEqual([user._id.toString(), user._id.toString(), user._id.toString()]);
    expect(filterKeys(first.queries, 'users')).toEqual([['_id']]);

    const second = await recordQueries(() =>
      inRequest(async () => {
        await requirePageUser({ returnTo: '/studio' });
        return getSessionUser();
      }),
    );
    expect(filterKeys(second.queries, 'users')).toEqual([['_id']]);
  });

  it('outside a render (no request cache) each call reads, so route handlers never see a stale user', async () => {
    const { getSessionUser } = await import('./caller');
    const user = await createTestUser();
    jar.current = { 'next-auth.session-token': await sessionToken(user) };
    const { queries } = await recordQueries(async () => {
      await getSessionUser();
      await getSessionUser();
    });
    expect(filterKeys(queries, 'users')).toEqual([['_id'], ['_id']]);
  });
});
