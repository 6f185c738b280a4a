import { watchDatabase } from './db-metrics';
import { metrics } from './registry';

/**
 * The route pattern of a request: each path segment equal to a route param's
 * value becomes `[name]` (`/api/v1/tryon/665f…` → `/api/v1/tryon/[id]`), so a
 * label never carries ids. Catch-all params (arrays) collapse the same way.
 */
export function routePattern(
  pathname: string,
  params: Record<string, unknown> | undefined,
): string {
  if (!params) return pathname;
  const byValue = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value])
      if (typeof v === 'string' && v) byValue.set(v, name);
  }
  if (byValue.size === 0) return pathname;
  return pathname
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // keep the raw segment
      }
      const name = byValue.get(decoded);
      return name ? `[${name}]` : segment;
    })
    .join('/');
}

/**
 * Starts timing an API request; the returned function records it once the
 * response is known (count and latency by method, route pattern, status).
 * `params` is the route context's params promise (resolved here, not awaited by the caller's path).
 */
export function startHttpTimer(
  req: { method: string; nextUrl: { pathname: string } },
  params: Promise<unknown> | undefined,
): (res: Response) => Promise<void> {
  watchDatabase();
  const started = performance.now();
  return async (res) => {
    const seconds = (performance.now() - started) / 1000;
    let resolved: Record<string, unknown> | undefined;
    try {
      const p = await params;
      resolved = p && typeof p === 'object' ? (p as Record<string, unknown>) : undefined;
    } catch {
      resolved = undefined;
    }
    const labels = {
      method: req.method,
      route: routePattern(req.nextUrl.pathname, resolved),
      status: String(res.status),
    };
    const m = metrics();
    m.httpRequests.inc(labels);
    m.httpDuration.observe(labels, seconds);
  };
}
