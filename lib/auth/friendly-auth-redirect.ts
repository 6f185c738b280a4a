/**
 * The provider redirected back with `?error=` instead of a code (RFC 6749
 * §4.1.2.1). `access_denied` means the person cancelled consent; anything
 * else is the provider's failure. Returns the sign-in page to show, or null
 * when the request is a normal callback.
 */
export function oauthCallbackErrorRedirect(url: URL): string | null {
  if (!/^\/api\/auth\/callback\/[^/]+$/.test(url.pathname)) return null;
  const error = url.searchParams.get('error');
  if (!error) return null;
  return `/signin?error=${error === 'access_denied' ? 'access_denied' : 'provider_error'}`;
}
