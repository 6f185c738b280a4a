import { describe, expect, it } from 'vitest';
import { safeCallbackUrl, safeRedirectUrl } from './safe-callback-url';

const APP = 'http://localhost:3000';

/** What the sign-in page receives: the query string decoded once, as Next does. */
const fromQuery = (raw: string) =>
  new URL(`/signin?callbackUrl=${raw}`, APP).searchParams.get('callbackUrl');

describe('safeCallbackUrl', () => {
  it.each([
    // Another host, however it is spelled
    ['https://evil.example', '/'],
    ['https://evil.example/phish?x=1', '/'],
    ['//evil.example', '/'],
    ['///evil.example', '/'],
    ['/\\evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['/\r\n/evil.example', '/'],
    ['\t//evil.example', '/'],
    [' //evil.example', '/'],
    ['/.//evil.example', '/'],
    ['/./\\evil.example', '/'],
    ['https:evil.example', '/'], // another special scheme without slashes still names a host
    ['https://localhost:3000/account', '/'], // another scheme is another origin
    ['http://localhost:3001/account', '/'],
    ['http://localhost:3000@evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['JaVaScRiPt:alert(1)', '/'],
    ['data:text/html,<script>alert(1)</script>', '/'],
    // The sign-in page is no destination
    ['/signin', '/'],
    ['/signin?callbackUrl=/x', '/'],
    // Empty
    [undefined, '/'],
    ['', '/'],
    // Same origin: kept as path + query + hash
    ['/history?page=2', '/history?page=2'],
    ['/credits#ledger', '/credits#ledger'],
    ['/pricing?credits=2100#buy', '/pricing?credits=2100#buy'],
    ['http://localhost:3000/account?tab=keys#new', '/account?tab=keys#new'],
    ['account', '/account'],
    ['http:evil.example', '/evil.example'], // the base's own scheme: a relative path (WHATWG)
    // Encoded slashes and controls stay encoded: a harmless path on our site
    ['%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['/%5Cevil.example', '/%5Cevil.example'],
  ])('%j → %s', (input, expected) => {
    expect(safeCallbackUrl(input, APP)).toBe(expected);
  });

  it.each([
    ['/%09/evil.example'], // the reported attack: a tab, decoded by the query string
    ['/%0D%0A/evil.example'],
    ['/%0A/evil.example'],
    ['%2F%2Fevil.example'],
    ['%2F%5Cevil.example'],
    ['%252F%252Fevil.example'],
    ['https%3A%2F%2Fevil.example'],
    ['%2F.%2F%2Fevil.example'],
  ])('?callbackUrl=%s never leaves the origin', (raw) => {
    const result = safeCallbackUrl(fromQuery(raw), APP);
    expect(result.startsWith('/')).toBe(true);
    expect(result.startsWith('//')).toBe(false);
    // What a browser does with the Location header: resolve it against our page.
    expect(new URL(result, APP).origin).toBe(APP);
  });

  it('returns the given fallback for an unsafe value', () => {
    expect(safeCallbackUrl('//evil.example', APP, '/studio')).toBe('/studio');
  });
});

describe('safeRedirectUrl (next-auth redirect callback)', () => {
  it.each([
    ['/account', `${APP}/account`],
    [`${APP}/studio?x=1#y`, `${APP}/studio?x=1#y`],
    ['/signin?notice=signed_out_everywhere', `${APP}/signin?notice=signed_out_everywhere`],
    ['https://evil.example', `${APP}/`],
    ['/\t/evil.example', `${APP}/`],
    ['//evil.example', `${APP}/`],
    ['/\\evil.example', `${APP}/`],
    ['javascript:alert(1)', `${APP}/`],
  ])('%j → %s', (input, expected) => {
    expect(safeRedirectUrl(input, APP)).toBe(expected);
  });
});
