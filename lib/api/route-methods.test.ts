import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedMethods, API_ROUTE_METHODS } from './route-methods';

const METHOD = /\b(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;

/** What each app/api route file exports, read from the source. */
function exportedMethods(): Record<string, string[]> {
  const root = path.resolve(import.meta.dirname, '../../app');
  const out: Record<string, string[]> = {};
  const files = readdirSync(path.join(root, 'api'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => path.basename(f) === 'route.ts',
  );
  for (const file of files) {
    const src = readFileSync(path.join(root, 'api', file), 'utf8');
    const found = new Set<string>();
    for (const m of src.matchAll(
      /export\s+(?:const|async\s+function|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g,
    ))
      found.add(m[1] ?? '');
    for (const m of src.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g))
      for (const name of (m[1] ?? '').matchAll(METHOD)) found.add(name[1] ?? '');
    const route = `/api/${path.dirname(file).split(path.sep).join('/')}`;
    out[route] = [...found].sort();
  }
  return out;
}

describe('API_ROUTE_METHODS', () => {
  it('matches the methods the route files export (update the table with the routes)', () => {
    const table = Object.fromEntries(
      Object.entries(API_ROUTE_METHODS).map(([k, v]) => [k, [...v].sort()]),
    );
    expect(table).toEqual(exportedMethods());
  });
});

describe('allowedMethods', () => {
  it('adds HEAD for GET and OPTIONS always, sorted', () => {
    expect(allowedMethods('/api/v1/credits')).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/v1/billing/checkout')).toEqual(['OPTIONS', 'POST']);
  });

  it('matches dynamic segments, preferring static ones', () => {
    expect(allowedMethods('/api/v1/tryon/abc')).toEqual([
      'DELETE',
      'GET',
      'HEAD',
      'OPTIONS',
      'PATCH',
    ]);
    expect(allowedMethods('/api/v1/tryon/abc/image')).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/v1/webhooks/w1/deliveries/d1/retry')).toEqual(['OPTIONS', 'POST']);
    expect(allowedMethods('/api/auth/callback/google')).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(allowedMethods('/api/auth')).toBeNull();
  });

  it('is null for paths no route serves', () => {
    expect(allowedMethods('/api/v1/nope')).toBeNull();
    expect(allowedMethods('/api/v1/tryon/a/b/c')).toBeNull();
  });
});
