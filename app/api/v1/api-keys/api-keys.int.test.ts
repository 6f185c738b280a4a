import { describe, expect, it } from 'vitest';
import { ApiKey } from '@/models';
import { API_KEY_PATTERN, hashApiKey } from '@/lib/apikeys';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { GET as getCredits } from '../credits/route';
import { DELETE as revoke } from './[id]/route';
import { POST as regenerate } from './[id]/regenerate/route';
import { GET as list, POST as create } from './route';

type Created = { id: string; key: string; prefix: string; name: string };

async function owner() {
  const user = await createTestUser();
  return { user, token: await sessionToken(user) };
}

describe('API keys', () => {
  it('creates a key shown once (only its hash stored), which then authenticates the API', async () => {
    const { user, token } = await owner();
    const res = await callRoute(create, '/api/v1/api-keys', {
      method: 'POST',
      token,
      body: { name: 'Shop backend' },
    });
    expect(res.status).toBe(201);
    const created = res.body as Created;
    expect(created.key).toMatch(API_KEY_PATTERN);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const stored = await ApiKey.findById(created.id).lean();
    expect(stored?.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key);

    const listed = await callRoute(list, '/api/v1/api-keys', { token });
    expect(JSON.stringify(listed.body)).not.toContain(created.key);
    expect((listed.body as { data: Array<{ name: string }> }).data.map((k) => k.name)).toEqual([
      'Shop backend',
    ]);

    const viaKey = await callRoute(getCredits, '/api/v1/credits', { apiKey: created.key });
    expect(viaKey.status).toBe(200);
    expect(user._id.toString()).toBeTruthy();
  });

  it('revoked keys get 401 api_key_revoked; regenerate replaces a key', async () => {
    const { token } = await owner();
    const a = (
      await callRoute(create, '/api/v1/api-keys', { method: 'POST', token, body: { name: 'A' } })
    ).body as Created;
    const r = await callRoute(revoke, `/api/v1/api-keys/${a.id}`, {
      method: 'DELETE',
      token,
      params: { id: a.id },
    });
    expect(r.status).toBe(200);
    expect((r.body as { revoked_at: string | null }).revoked_at).not.toBeNull();
    expect(await callRoute(getCredits, '/api/v1/credits', { apiKey: a.key })).toMatchObject({
      status: 401,
      body: { error: { code: 'api_key_revoked' } },
    });

    const b = (
      await callRoute(create, '/api/v1/api-keys', { method: 'POST', token, body: { name: 'B' } })
    ).body as Created;
    const fresh = await callRoute(regenerate, `/api/v1/api-keys/${b.id}/regenerate`, {
      method: 'POST',
      token,
      params: { id: b.id },
    });
    expect(fresh.status).toBe(201);
    const next = fresh.body as Created;
    expect(next.name).toBe('B');
    expect(next.key).not.toBe(b.key);
    expect((await callRoute(getCredits, '/api/v1/credits', { apiKey: b.key })).status).toBe(401);
    expect((await callRoute(getCredits, '/api/v1/credits', { apiKey: next.key })).status).toBe(200);
  });

  it('refuses another person’s key ids, API-key callers, bad names and malformed keys', async () => {
    const a = await owner();
    const b = await owner();
    const key = (
      await callRoute(create, '/api/v1/api-keys', {
        method: 'POST',
        token: a.token,
        body: { name: 'mine' },
      })
    ).body as Created;
    const theirs = await callRoute(revoke, `/api/v1/api-keys/${key.id}`, {
      method: 'DELETE',
      token: b.token,
      params: { id: key.id },
    });
    expect(theirs).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await ApiKey.findById(key.id).lean())?.revokedAt).toBeUndefined();

    const byKey = await callRoute(create, '/api/v1/api-keys', {
      method: 'POST',
      apiKey: key.key,
      body: { name: 'x' },
    });
    expect(byKey.status).toBe(403);
    expect(
      (
        await callRoute(create, '/api/v1/api-keys', {
          method: 'POST',
          token: a.token,
          body: { name: '  ' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await callRoute(create, '/api/v1/api-keys', {
          method: 'POST',
          token: a.token,
          body: { name: 'x', admin: true },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await callRoute(revoke, '/api/v1/api-keys/nope', {
          method: 'DELETE',
          token: a.token,
          params: { id: 'nope' },
        })
      ).status,
      // A malformed id is a missing key: the document promises only 404 for ids.
    ).toBe(404);
    expect(
      await callRoute(getCredits, '/api/v1/credits', { apiKey: 'tr_live_short' }),
    ).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid_api_key' } },
    });
  });
});
