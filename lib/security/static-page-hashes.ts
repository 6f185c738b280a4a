import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The script hashes of the pages a production build prerendered.
 *
 * A static page is one HTML file for every visitor, so it cannot carry a
 * per-request nonce. Its inline scripts (Next's bootstrap and the React Server
 * Components payload) are fixed at build time, though: their SHA-256 hashes
 * allow exactly those scripts and nothing injected later. The list of static
 * pages is the build's prerender-manifest.json; each page's hashes are read
 * from its prerendered HTML once and kept until the file changes (a rebuild).
 *
 * Node-only (fs): middleware.ts runs on the Node.js runtime for this.
 */

interface Cached {
  mtimeMs: number;
  hashes: string[];
}

const pages = new Map<string, Cached>();
let staticRoutes: { file: string; mtimeMs: number; routes: Set<string> } | null = null;
let allRoutes: { file: string; mtimeMs: number; patterns: RegExp[] } | null = null;

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** `'sha256-…'` sources for every inline script of an HTML document, in order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const body = m[1] ?? '';
    if (body.length === 0) continue;
    out.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...out];
}

function prerenderedPages(distDir: string): Set<string> {
  const file = path.join(distDir, 'prerender-manifest.json');
  if (!existsSync(file)) return new Set();
  const mtimeMs = statSync(file).mtimeMs;
  if (staticRoutes?.file === file && staticRoutes.mtimeMs === mtimeMs) return staticRoutes.routes;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    routes?: Record<string, { routeType?: string; initialRevalidateSeconds?: number | false }>;
  };
  const routes = new Set(
    Object.entries(manifest.routes ?? {})
      .filter(([, r]) => r.routeType === 'page')
      .map(([route]) => route),
  );
  staticRoutes = { file, mtimeMs, routes };
  return routes;
}

/** Whether any page of the build (static or dynamic, per routes-manifest.json) answers `pathname`. */
function matchesSomePage(distDir: string, pathname: string): boolean {
  const file = path.join(distDir, 'routes-manifest.json');
  if (!existsSync(file)) return true;
  const mtimeMs = statSync(file).mtimeMs;
  if (allRoutes?.file !== file || allRoutes.mtimeMs !== mtimeMs) {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      staticRoutes?: { regex: string }[];
      dynamicRoutes?: { regex: string }[];
    };
    const patterns = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map(
      (r) => new RegExp(r.regex),
    );
    allRoutes = { file, mtimeMs, patterns };
  }
  return allRoutes.patterns.some((re) => re.test(pathname));
}

/**
 * The inline-script hashes of `pathname` when the build in `distDir`
 * prerendered it as a static page — or, when no page answers it at all, of
 * the prerendered 404 page Next will send; null for every other path
 * (rendered per request, so it gets a nonce), and in development (no
 * prerender manifest).
 */
export function staticPageScriptHashes(distDir: string, pathname: string): string[] | null {
  let route = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const prerendered = prerenderedPages(distDir);
  if (!prerendered.has(route)) {
    if (!prerendered.has('/_not-found') || matchesSomePage(distDir, pathname)) return null;
    route = '/_not-found';
  }
  const file = path.join(distDir, 'server/app', `${route === '/' ? '/index' : route}.html`);
  if (!existsSync(file)) return null;
  const mtimeMs = statSync(file).mtimeMs;
  const hit = pages.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.hashes;
  const hashes = inlineScriptHashes(readFileSync(file, 'utf8'));
  pages.set(file, { mtimeMs, hashes });
  return hashes;
}
