/**
 * Requests to /api/auth/* that next-auth would answer with a vague page, sent
 * instead to the sign-in page with a precise message. Returns the page to
 * redirect to, or null to let next-auth handle the request.
 *
 * - The provider redirected back with `?error=` instead of a code (RFC 6749
 *   §4.1.2.1): `access_denied` means the person cancelled consent, anything
 *   else is the provider's failure (next-auth calls both "Callback").
 * - A sign-in POST failed the CSRF check: next-auth redirects to
 *   /api/auth/signin?csrf=true, whose redirect to our page drops the flag.
 */
export function friendlyAuthRedirect(url: URL): string | null {
  if (/^\/api\/auth\/callback\/[^/]+$/.test(url.pathname)) {
    const error = url.searchParams.get('error');
    if (!error) return null;
    return `/signin?error=${error === 'access_denied' ? 'access_denied' : 'provider_error'}`;
  }
  if (url.pathname === '/api/auth/signin' && url.searchParams.get('csrf') === 'true')
    return '/signin?csrf=true';
  return null;
}
