import { describe, expect, it } from 'vitest';
import { ApiKey } from '@/models';
import { resolveCaller } from '@/lib/auth/caller';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { PATCH as updateKey } from '@/app/api/v1/api-keys/[id]/route';
import { POST as regenerate } from '@/app/api/v1/api-keys/[id]/regenerate/route';
import { GET as listKeys, POST as createKey } from '@/app/api/v1/api-keys/route';
import { generateApiKey } from './hash-api-key';
import { issuePlaygroundKey } from './issue-playground-key';
import { createApiKey } from './manage-api-keys';
import { verifyApiKeyOrThrow } from './verify-api-key';

type Created = {
  id: string;
  key: string;
  kind: string;
  livemode: boolean;
  daily_credit_cap: number | null;
};

const withKey = (key: string) =>
  new Request('http://localhost/api/v1/credits', { headers: { 'x-api-key': key } });

describe('API key kinds (real database)', () => {
  it('creates test keys beside live keys; a test key resolves to a test-mode caller', async () => {
    const user = await createTestUser();
    const token = await sessionToken(user);
    const live = (
      await callRoute(createKey, '/api/v1/api-keys', {
        method: 'POST',
        token,
        body: { name: 'live' },
      })
    ).body as Created;
    const testRes = await callRoute(createKey, '/api/v1/api-keys', {
      method: 'POST',
      token,
      body: { name: 'test', kind: 'test', daily_credit_cap: 25 },
    });
    expect(testRes.status).toBe(201);
    const test = testRes.body as Created;
    expect(live).toMatchObject({ kind: 'secret', livemode: true, daily_credit_cap: null });
    expect(live.key.startsWith('tr_live_')).toBe(true);
    expect(test).toMatchObject({ kind: 'test', livemode: false, daily_credit_cap: 25 });
    expect(test.key.startsWith('tr_test_')).toBe(true);
    const stored = await ApiKey.findById(test.id).lean();
    expect(stored?.createdBy?.toString()).toBe(user._id.toString());

    await expect(resolveCaller(withKey(live.key))).resolves.toMatchObject({
      keyKind: 'secret',
      livemode: true,
      ownerId: user._id.toString(),
    });
    await expect(resolveCaller(withKey(test.key))).resolves.toMatchObject({
      keyKind: 'test',
      livemode: false,
      ownerId: user._id.toString(),
    });

    const listed = await callRoute(listKeys, '/api/v1/api-keys', { token });
    expect((listed.body as { data: Created[] }).data.map((k) => k.kind).sort()).toEqual([
      'secret',
      'test',
    ]);
  });

  it('a publishable key is refused by the /api/v1 caller (403 publishable_key_not_allowed)', async () => {
    const user = await createTestUser();
    const { key } = await createApiKey(user._id.toString(), 'pk', { kind: 'publishable' });
    await expect(resolveCaller(withKey(key))).rejects.toMatchObject({
      code: 'publishable_key_not_allowed',
    });
  });

  it('a stored key without a kind is a secret key; a prefix that disagrees with the stored kind is refused', async () => {
    const user = await createTestUser();
    const legacy = generateApiKey();
    await ApiKey.create({ userId: user._id, name: 'old', ...legacy });
    await expect(verifyApiKeyOrThrow(legacy.key)).resolves.toMatchObject({
      kind: 'secret',
      livemode: true,
    });
    // A tr_test_ key stored as a secret key (inconsistent data) is not accepted as either.
    const odd = generateApiKey('test');
    await ApiKey.create({ userId: user._id, name: 'odd', kind: 'secret', ...odd });
    await expect(verifyApiKeyOrThrow(odd.key)).rejects.toMatchObject({ code: 'invalid_api_key' });
  });

  it('PATCH sets and removes the daily cap; regenerate keeps kind and cap', async () => {
    const user = await createTestUser();
    const token = await sessionToken(user);
    const created = (
      await callRoute(createKey, '/api/v1/api-keys', {
        method: 'POST',
        token,
        body: { name: 'capped', kind: 'test' },
      })
    ).body as Created;
    const patched = await callRoute(updateKey, `/api/v1/api-keys/${created.id}`, {
      method: 'PATCH',
      token,
      params: { id: created.id },
      body: { daily_credit_cap: 40 },
    });
    expect(patched).toMatchObject({ status: 200, body: { daily_credit_cap: 40, kind: 'test' } });
    const bad = await callRoute(updateKey, `/api/v1/api-keys/${created.id}`, {
      method: 'PATCH',
      token,
      params: { id: created.id },
      body: { daily_credit_cap: 0 },
    });
    expect(bad.status).toBe(400);
    const regen = await callRoute(regenerate, `/api/v1/api-keys/${created.id}/regenerate`, {
      method: 'POST',
      token,
      params: { id: created.id },
    });
    expect(regen.status).toBe(201);
    const next = regen.body as Created;
    expect(next).toMatchObject({ kind: 'test', livemode: false, daily_credit_cap: 40 });
    expect(next.key.startsWith('tr_test_')).toBe(true);
    const cleared = await callRoute(updateKey, `/api/v1/api-keys/${next.id}`, {
      method: 'PATCH',
      token,
      params: { id: next.id },
      body: { daily_credit_cap: null },
    });
    expect(cleared).toMatchObject({ status: 200, body: { daily_credit_cap: null } });
  });

  it('the playground issues its own test key; each visit gives it a fresh secret (one key, one slot)', async () => {
    const user = await createTestUser();
    const id = user._id.toString();
    const first = await issuePlaygroundKey(id, id);
    expect(first.startsWith('tr_test_')).toBe(true);
    await expect(resolveCaller(withKey(first))).resolves.toMatchObject({ livemode: false });
    const second = await issuePlaygroundKey(id, id);
    expect(second).not.toBe(first);
    await expect(resolveCaller(withKey(first))).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(resolveCaller(withKey(second))).resolves.toMatchObject({ keyKind: 'test' });
    expect(await ApiKey.countDocuments({ userId: user._id, purpose: 'playground' })).toBe(1);
  });

  it('a key created with allow_browser may be sent from another site; without it, 403', async () => {
    const user = await createTestUser();
    const token = await sessionToken(user);
    const make = async (body: Record<string, unknown>) =>
      (await callRoute(createKey, '/api/v1/api-keys', { method: 'POST', token, body }))
        .body as Created;
    const browser = await make({ name: 'browser', allow_browser: true });
    const server = await make({ name: 'server' });
    const fromShop = (key: string) =>
      resolveCaller(
        new Request('http://localhost/api/v1/credits', {
          headers: { 'x-api-key': key, origin: 'https://shop.example' },
        }),
      );
    expect((await fromShop(browser.key))?.apiKeyId).toBe(browser.id);
    await expect(fromShop(server.key)).rejects.toMatchObject({ code: 'secret_key_in_browser' });
  });
});
