/**
 * Where to send someone after signing in (or out): only a path on our own origin.
 *
 * The value is resolved against the app's URL with the WHATWG URL parser — the
 * rules a browser applies to a Location header — so every trick that turns a
 * "path" into another host (`//evil`, `/\evil`, a tab or newline inside
 * `/<TAB>/evil`, which browsers strip) is seen as the other origin it is. Only
 * the path, query and fragment of a same-origin result survive.
 */
export function sameOriginPath(url: string | null | undefined, appUrl: string): string | null {
  if (!url) return null;
  let base: URL;
  let target: URL;
  try {
    base = new URL(appUrl);
    target = new URL(url, base);
  } catch {
    return null;
  }
  if (target.origin !== base.origin) return null;
  // Dot segments can leave a path that starts with `//` (`/.//evil` → `//evil`),
  // which a browser reads as a host again.
  if (target.pathname.startsWith('//')) return null;
  return `${target.pathname}${target.search}${target.hash}`;
}

/** The sign-in page's `callbackUrl`: a same-origin path other than the sign-in page, else `fallback`. */
export function safeCallbackUrl(
  url: string | null | undefined,
  appUrl: string,
  fallback = '/',
): string {
  const path = sameOriginPath(url, appUrl);
  if (!path) return fallback;
  const pathname = new URL(path, appUrl).pathname;
  if (pathname === '/signin' || pathname.startsWith('/signin/')) return fallback;
  return path;
}

/** next-auth's `redirect` callback: the same rule, as an absolute URL on `appUrl` ('/' otherwise). */
export function safeRedirectUrl(url: string | null | undefined, appUrl: string): string {
  return new URL(sameOriginPath(url, appUrl) ?? '/', appUrl).toString();
}
