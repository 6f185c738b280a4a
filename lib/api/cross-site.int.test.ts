import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey as createKeyFor } from '@/lib/apikeys';
import { env } from '@/lib/env';
import { resetRateLimits } from '@/lib/rate-limit';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { POST as createApiKey } from '@/app/api/v1/api-keys/route';
import { POST as createWebhook } from '@/app/api/v1/webhooks/route';

afterEach(() => resetRateLimits());

const appOrigin = new URL(env.APP_URL).origin;

describe('cookie-authenticated state changes refuse cross-site requests', () => {
  it('answers 403 cross_site_request for a foreign Origin or a cross-/same-site Sec-Fetch-Site', async () => {
    const token = await sessionToken(await createTestUser());
    const variants: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: appOrigin },
    ];
    for (const headers of variants) {
      const res = await callRoute(createApiKey, '/api/v1/api-keys', {
        method: 'POST',
        token,
        body: { name: 'csrf' },
        headers,
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'cross_site_request' } });
    }
  });

  it('accepts the same request from the app itself', async () => {
    const token = await sessionToken(await createTestUser());
    const res = await callRoute(createApiKey, '/api/v1/api-keys', {
      method: 'POST',
      token,
      body: { name: 'mine' },
      headers: { origin: appOrigin, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(201);
  });

  it('leaves API-key requests out of the cookie check: no cookie, nothing for another site to ride on', async () => {
    const user = await createTestUser();
    // A key made for browsers (allowBrowser) is the caller's explicit choice: the cookie
    // check does not apply to it. A plain secret key from another site's page is refused
    // on its own grounds (secret_key_in_browser): it would leak the key to that page.
    const browser = await createKeyFor(user._id.toString(), 'browser', { allowBrowser: true });
    const server = await createKeyFor(user._id.toString(), 'server');
    const call = (apiKey: string) =>
      callRoute(createWebhook, '/api/v1/webhooks', {
        method: 'POST',
        apiKey,
        body: { url: 'https://93.184.216.34/hooks' },
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      });
    expect((await call(browser.key)).status).toBe(201);
    const refused = await call(server.key);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'secret_key_in_browser' } });
  });

  it('requires application/json on JSON routes: text/plain is 415', async () => {
    const token = await sessionToken(await createTestUser());
    const res = await callRoute(createApiKey, '/api/v1/api-keys', {
      method: 'POST',
      token,
      body: { name: 'x' },
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });
});
