import { describe, expect, it } from 'vitest';
import { assertSameOrigin } from './same-origin';

const APP = 'https://app.example';
const req = (method: string, headers: Record<string, string>) =>
  new Request(`${APP}/api/v1/api-keys`, { method, headers });
const check = (method: string, headers: Record<string, string>) => () =>
  assertSameOrigin(req(method, headers), APP);

describe('assertSameOrigin', () => {
  it('refuses a state-changing request from another origin', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(check(method, { origin: 'https://evil.example' })).toThrow(
        expect.objectContaining({ code: 'cross_site_request', status: 403 }),
      );
    }
    expect(check('POST', { origin: 'null' })).toThrow();
    expect(check('POST', { origin: 'http://app.example' })).toThrow();
  });

  it('refuses cross-site and same-site Sec-Fetch-Site, even with a matching Origin', () => {
    expect(check('POST', { 'sec-fetch-site': 'cross-site' })).toThrow(
      expect.objectContaining({ code: 'cross_site_request' }),
    );
    expect(check('POST', { 'sec-fetch-site': 'same-site', origin: APP })).toThrow();
  });

  it('lets same-origin requests, safe methods and non-browser clients through', () => {
    expect(check('POST', { origin: APP, 'sec-fetch-site': 'same-origin' })).not.toThrow();
    expect(check('DELETE', { origin: APP })).not.toThrow();
    expect(check('POST', {})).not.toThrow();
    expect(
      check('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    ).not.toThrow();
    expect(check('HEAD', { 'sec-fetch-site': 'cross-site' })).not.toThrow();
  });
});
