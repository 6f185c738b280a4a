import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import {
  unstable_doesMiddlewareMatch,
  unstable_getResponseFromNextConfig,
} from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import nextConfig from '@/next.config';
import { config, middleware } from '@/middleware';

// The edge middleware (middleware.ts) reads NODE_ENV, APP_URL and NEXTAUTH_SECRET on
// each request, so each case stubs them before calling it.

const SECRET = 'middleware-test-secret-middleware-test-secret';

function request(path: string, cookie?: string): NextRequest {
  return new NextRequest(new URL(path, 'http://localhost:3000'), {
    headers: cookie ? { cookie: `next-auth.session-token=${cookie}` } : {},
  });
}

async function signedInCookie() {
  return encode({ secret: SECRET, token: { sub: 'u1', uid: 'u1', role: 'user', sv: 0 } });
}

function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

// A build folder with no prerendered pages (every page gets a nonce), unless a
// test names another: the tree's own .next may hold any build.
const NO_BUILD = mkdtempSync(path.join(os.tmpdir(), 'trailroom-no-build-'));

function env(vars: Record<string, string | undefined>) {
  vi.stubEnv('NEXT_DIST_DIR', NO_BUILD);
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
}

/** A production build folder in which `/` and `/pricing` were prerendered with these inline scripts. */
function fakeBuild(inline: Record<string, string[]>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-fake-build-'));
  mkdirSync(path.join(dir, 'server/app'), { recursive: true });
  const routes: Record<string, { routeType: string }> = {};
  for (const [route, scripts] of Object.entries(inline)) {
    routes[route] = { routeType: 'page' };
    const html = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async></script></head><body>${scripts
      .map((s) => `<script>${s}</script>`)
      .join('')}</body></html>`;
    writeFileSync(path.join(dir, 'server/app', `${route === '/' ? 'index' : route}.html`), html);
  }
  writeFileSync(path.join(dir, 'prerender-manifest.json'), JSON.stringify({ routes }));
  // Every page of the build, static or not (the studio is rendered per request).
  const pages = [...Object.keys(inline).filter((r) => r !== '/_not-found'), '/studio'];
  writeFileSync(
    path.join(dir, 'routes-manifest.json'),
    JSON.stringify({
      staticRoutes: pages.map((p) => ({ page: p, regex: `^${p === '/' ? '' : p}(?:/)?$` })),
      dynamicRoutes: [{ page: '/history/[id]', regex: '^/history/([^/]+?)(?:/)?$' }],
    }),
  );
  return dir;
}

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('middleware: Content-Security-Policy on pages', () => {
  it('a fresh nonce per request, in script-src with strict-dynamic, never unsafe-inline for scripts', async () => {
    env({ NODE_ENV: 'production', APP_URL: 'https://trailroom.example', NEXTAUTH_SECRET: SECRET });
    const a = await middleware(request('/'));
    const b = await middleware(request('/pricing'));
    const csp = a.headers.get('content-security-policy');
    const script = directives(csp).get('script-src') ?? [];
    const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(
      script.find((s) => s.startsWith("'nonce-")) ?? '',
    )?.[1];
    expect(nonce).toBeDefined();
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(directives(csp).get('object-src')).toEqual(["'none'"]);
    expect(directives(csp).get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(csp).get('base-uri')).toEqual(["'self'"]);
    // Next reads the nonce from the request's CSP header (and x-nonce for our components).
    expect(a.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    expect(a.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(b.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('development adds unsafe-eval (React dev tooling, HMR) but still no unsafe-inline for scripts', async () => {
    env({ NODE_ENV: 'development', APP_URL: 'http://localhost:3000', NEXTAUTH_SECRET: SECRET });
    const res = await middleware(request('/signin'));
    const script = directives(res.headers.get('content-security-policy')).get('script-src') ?? [];
    expect(script).toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
  });

  it('covers the signed-in areas too, with the session still checked there', async () => {
    env({ NODE_ENV: 'production', APP_URL: 'https://trailroom.example', NEXTAUTH_SECRET: SECRET });
    const res = await middleware(request('/studio?x=1', await signedInCookie()));
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-security-policy')).toMatch(/'nonce-/);
    expect(res.headers.get('x-middleware-request-x-trailroom-return-to')).toBe('/studio?x=1');
  });
});

describe('middleware: prerendered pages get their inline-script hashes, not a nonce', () => {
  it("lists exactly the built page's inline scripts, the same policy on every request", async () => {
    const dist = fakeBuild({
      '/': ['(self.__next_f=self.__next_f||[]).push([0])', 'self.__next_f.push([1,"landing"])'],
      '/pricing': ['self.__next_f.push([1,"pricing"])'],
    });
    env({
      NODE_ENV: 'production',
      APP_URL: 'https://trailroom.example',
      NEXTAUTH_SECRET: SECRET,
      NEXT_DIST_DIR: dist,
    });
    const a = await middleware(request('/'));
    const b = await middleware(request('/'));
    const csp = a.headers.get('content-security-policy');
    const script = directives(csp).get('script-src') ?? [];
    expect(script).toEqual([
      "'self'",
      sha('(self.__next_f=self.__next_f||[]).push([0])'),
      sha('self.__next_f.push([1,"landing"])'),
    ]);
    expect(b.headers.get('content-security-policy')).toBe(csp);
    expect(directives(csp).get('object-src')).toEqual(["'none'"]);
    expect(directives(csp).get('frame-ancestors')).toEqual(["'none'"]);
    // No nonce is handed to the render (there is none for a prerendered page).
    expect(a.headers.get('x-middleware-request-x-nonce')).toBeNull();
    expect(a.headers.get('x-middleware-request-content-security-policy')).toBe(csp);

    const pricing = await middleware(request('/pricing'));
    expect(directives(pricing.headers.get('content-security-policy')).get('script-src')).toEqual([
      "'self'",
      sha('self.__next_f.push([1,"pricing"])'),
    ]);
  });

  it('an address no page answers gets the hashes of the prerendered 404 page Next sends', async () => {
    const dist = fakeBuild({ '/': ['x()'], '/_not-found': ['self.__next_f.push([1,"404"])'] });
    env({
      NODE_ENV: 'production',
      APP_URL: 'http://localhost:3000',
      NEXTAUTH_SECRET: SECRET,
      NEXT_DIST_DIR: dist,
    });
    const missing = await middleware(request('/no-such-page'));
    expect(directives(missing.headers.get('content-security-policy')).get('script-src')).toEqual([
      "'self'",
      sha('self.__next_f.push([1,"404"])'),
    ]);
    // A dynamic route that exists is rendered per request (its notFound() too): a nonce.
    const job = await middleware(request('/history/abc', await signedInCookie()));
    expect(job.headers.get('content-security-policy')).toMatch(/'nonce-/);
  });

  it('a page the build did not prerender, and any page in development, gets a nonce', async () => {
    const dist = fakeBuild({ '/': ['x()'] });
    env({
      NODE_ENV: 'production',
      APP_URL: 'http://localhost:3000',
      NEXTAUTH_SECRET: SECRET,
      NEXT_DIST_DIR: dist,
    });
    const studio = await middleware(request('/studio', await signedInCookie()));
    expect(studio.headers.get('content-security-policy')).toMatch(/'nonce-.+'strict-dynamic'/);
    env({ NODE_ENV: 'development' });
    expect((await middleware(request('/'))).headers.get('content-security-policy')).toMatch(
      /'nonce-/,
    );
  });
});

describe('middleware: Strict-Transport-Security', () => {
  it.each([
    ['production', 'https://trailroom.example', 'max-age=63072000; includeSubDomains'],
    ['production', 'http://localhost:3000', null], // a local production run over plain http
    ['development', 'https://trailroom.example', null],
    ['test', 'https://trailroom.example', null],
  ])('NODE_ENV=%s, APP_URL=%s → %s', async (nodeEnv, appUrl, expected) => {
    env({ NODE_ENV: nodeEnv, APP_URL: appUrl, NEXTAUTH_SECRET: SECRET });
    expect((await middleware(request('/'))).headers.get('strict-transport-security')).toBe(
      expected,
    );
    // The sign-in redirect of a protected area carries it as well.
    const redirect = await middleware(request('/account'));
    expect(redirect.headers.get('location')).toMatch(/\/signin\?callbackUrl=%2Faccount$/);
    expect(redirect.headers.get('strict-transport-security')).toBe(expected);
  });

  it('upgrade-insecure-requests only in an https production', async () => {
    env({ NODE_ENV: 'production', APP_URL: 'https://trailroom.example', NEXTAUTH_SECRET: SECRET });
    expect((await middleware(request('/'))).headers.get('content-security-policy')).toMatch(
      /upgrade-insecure-requests/,
    );
    env({ APP_URL: 'http://localhost:3000' });
    expect((await middleware(request('/'))).headers.get('content-security-policy')).not.toMatch(
      /upgrade-insecure-requests/,
    );
  });
});

describe('middleware: route protection', () => {
  it.each([
    '/studio',
    '/history',
    '/credits/x',
    '/billing',
    '/account',
    '/developers/webhooks',
    '/admin/users',
  ])('%s without a session → /signin with a return path', async (path) => {
    env({ NODE_ENV: 'production', APP_URL: 'http://localhost:3000', NEXTAUTH_SECRET: SECRET });
    const res = await middleware(request(path));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(
      `http://localhost:3000/signin?callbackUrl=${encodeURIComponent(path)}`,
    );
  });

  it.each(['/', '/pricing', '/docs', '/signin', '/studiox', '/forbidden'])(
    '%s is public: no redirect, no return path',
    async (path) => {
      env({ NODE_ENV: 'production', APP_URL: 'http://localhost:3000', NEXTAUTH_SECRET: SECRET });
      const res = await middleware(request(path));
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('x-middleware-request-x-trailroom-return-to')).toBeNull();
    },
  );

  it('a client cannot plant the return-to header', async () => {
    env({ NODE_ENV: 'production', APP_URL: 'http://localhost:3000', NEXTAUTH_SECRET: SECRET });
    const req = new NextRequest('http://localhost:3000/pricing', {
      headers: { 'x-trailroom-return-to': '//evil.example' },
    });
    const res = await middleware(req);
    // Next keeps exactly the request headers listed here: the planted one is dropped.
    expect(res.headers.get('x-middleware-override-headers')?.split(',')).toEqual(
      expect.arrayContaining(['x-nonce', 'content-security-policy']),
    );
    expect(res.headers.get('x-middleware-override-headers')).not.toContain('x-trailroom-return-to');
    expect(res.headers.get('x-middleware-request-x-trailroom-return-to')).toBeNull();
  });

  it('without NEXTAUTH_SECRET nobody is signed in (no built-in secret to forge sessions with)', async () => {
    // A token signed with the secret the middleware used to fall back to (spelled in
    // parts so the old value appears nowhere in the tree).
    const forged = await encode({
      secret: ['trailroom', 'development', 'secret', 'not', 'for', 'production', 'use'].join('-'),
      token: { sub: 'u1', uid: 'u1', role: 'super_admin', sv: 0 },
    });
    env({ NODE_ENV: 'development', APP_URL: 'http://localhost:3000', NEXTAUTH_SECRET: undefined });
    const res = await middleware(request('/admin', forged));
    expect(res.headers.get('location')).toMatch(/\/signin\?callbackUrl=%2Fadmin$/);
  });
});

describe('which requests get which policy', () => {
  it.each([
    ['/', true],
    ['/pricing', true],
    ['/docs/api', true],
    ['/signin', true],
    ['/studio', true],
    ['/admin/users/1', true],
    ['/api/v1/tryon', false],
    ['/api/auth/session', false],
    ['/_next/static/chunks/main.js', false],
    ['/_next/image?url=x', false],
    ['/favicon.ico', false],
    ['/icon.svg', false],
    ['/robots.txt', false],
    ['/sitemap.xml', false],
    ['/manifest.webmanifest', false],
    ['/opengraph-image', false],
    ['/apple-icon.png', false],
    ['/examples/ada-blue-tee-after.webp', false],
  ])('%s → middleware %s', (url, expected) => {
    expect(unstable_doesMiddlewareMatch({ config, url })).toBe(expected);
  });

  it('API routes get a static policy that runs nothing, from next.config', async () => {
    const res = await unstable_getResponseFromNextConfig({
      url: 'http://localhost:3000/api/v1/tryon',
      nextConfig,
    });
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.has('script-src')).toBe(false);
    // Pages get theirs from middleware only (no second, weaker policy).
    const page = await unstable_getResponseFromNextConfig({
      url: 'http://localhost:3000/pricing',
      nextConfig,
    });
    expect(page.headers.get('content-security-policy')).toBeNull();
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
