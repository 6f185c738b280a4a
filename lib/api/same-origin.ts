import { AppError } from '@/lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Cross-site request check for cookie-authenticated requests that change
 * state (CSRF): SameSite=Lax alone lets a same-site page (a sibling
 * subdomain) and top-level form posts through. A browser names the page
 * that sent a request in `Sec-Fetch-Site` and `Origin`; either one saying
 * "another site" is refused (403 `cross_site_request`). A request with
 * neither header comes from a non-browser client, which holds the cookie
 * itself and cannot be tricked into sending it.
 */
export function assertSameOrigin(req: Request, appOrigin: string): void {
  if (isSafeMethod(req.method)) return;
  const site = req.headers.get('sec-fetch-site');
  // `none`: the user typed or bookmarked the request; only same-origin pages are trusted.
  if (site !== null && site !== 'same-origin' && site !== 'none') throw crossSite();
  const origin = req.headers.get('origin');
  if (origin !== null && origin !== appOrigin) throw crossSite();
}

function crossSite(): AppError {
  return new AppError(
    'cross_site_request',
    'Cross-site requests with a session cookie are refused; call the API with an x-api-key instead',
  );
}
