import { beforeAll, describe, expect, it, vi } from 'vitest';

// Audit entries record the client IP rate limits trust: one proxy in front: its X-Forwarded-For entry is the client.
vi.hoisted(() => {
  process.env.TRUSTED_PROXY_HOPS = '1';
});
import { seed } from '@/lib/seed/seed';
import { callRoute, createTestUser, sessionToken } from '@/lib/testing/session-request';
import { AuditLog } from '@/models';
import { GET as LIST } from './route';
import { GET as DETAIL, POST as CREATE } from './[type]/route';
import { POST as ACTIVATE } from './[type]/activate/route';
import { GET as DIFF } from './[type]/diff/route';
import { GET as PREVIEW } from './[type]/preview/route';

let token: string;

beforeAll(async () => {
  await seed();
  token = await sessionToken(await createTestUser({ role: 'super_admin' }));
});

const post = (handler: typeof CREATE, path: string, type: string, body: unknown) =>
  callRoute(handler, path, {
    method: 'POST',
    token,
    params: { type },
    body,
    headers: { 'user-agent': 'vitest', 'x-forwarded-for': '203.0.113.9' },
  });

describe('admin prompt routes', () => {
  it('create → list → activate → diff → preview, in snake_case, audited with ip and user agent', async () => {
    const created = await post(CREATE, '/api/admin/prompts/full_outfit', 'full_outfit', {
      content: 'Dress the person in both garments; keep their shoes and bag.',
      note: 'keep bags',
      provider: 'gemini',
      model: 'gemini-test-image',
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(String),
      type: 'full_outfit',
      version: 2,
      active: false,
    });

    const detail = await callRoute(DETAIL, '/api/admin/prompts/full_outfit', {
      token,
      params: { type: 'full_outfit' },
    });
    expect(detail.body).toMatchObject({
      type: 'full_outfit',
      active_version: 1,
      versions: [
        {
          version: 2,
          active: false,
          note: 'keep bags',
          provider: 'gemini',
          model: 'gemini-test-image',
          usage: { jobs: 0, success_rate: null },
        },
        { version: 1, active: true, created_by: 'seed' },
      ],
      activations: [{ seq: 1, version: 1, previous_version: null }],
    });

    const activated = await post(
      ACTIVATE,
      '/api/admin/prompts/full_outfit/activate',
      'full_outfit',
      {
        version: 2,
        reason: 'bags matter',
      },
    );
    expect(activated.body).toEqual({
      type: 'full_outfit',
      active_version: 2,
      previous_version: 1,
      changed: true,
    });
    const audit = await AuditLog.findOne({ action: 'prompt.activate' }).lean();
    expect(audit).toMatchObject({
      ip: '203.0.113.9',
      userAgent: 'vitest',
      reason: 'bags matter',
      before: { activeVersion: 1 },
      after: { activeVersion: 2 },
    });

    const list = await callRoute(LIST, '/api/admin/prompts', { token });
    expect((list.body as { data: unknown[] }).data).toContainEqual(
      expect.objectContaining({
        type: 'full_outfit',
        active_version: 2,
        latest_version: 2,
        versions: 2,
      }),
    );

    const diff = await callRoute(DIFF, '/api/admin/prompts/full_outfit/diff?from=1&to=2', {
      token,
      params: { type: 'full_outfit' },
    });
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      from: { version: 1 },
      to: { version: 2 },
      settings_changed: [
        { field: 'provider', from: null, to: 'gemini' },
        { field: 'model', from: null, to: 'gemini-test-image' },
      ],
    });

    const preview = await callRoute(PREVIEW, '/api/admin/prompts/full_outfit/preview', {
      token,
      params: { type: 'full_outfit' },
    });
    // Gemini without a key falls back to the local compositor, as jobs do.
    expect((preview.body as { data: unknown[] }).data).toEqual([
      expect.objectContaining({
        mode: 'full',
        provider: 'local',
        provider_source: 'configuration',
      }),
    ]);
  });

  it('refuses bad input with precise errors', async () => {
    const noProvider = await post(CREATE, '/api/admin/prompts/system', 'system', {
      content: 'A long enough system prompt for the test.',
      note: 'x model',
      model: 'some-model',
    });
    expect(noProvider.status).toBe(400);
    expect(JSON.stringify(noProvider.body)).toContain('a model override needs the provider');

    const short = await post(CREATE, '/api/admin/prompts/system', 'system', {
      content: 'too short',
      note: 'ok note',
    });
    expect(short.status).toBe(400);

    const badType = await callRoute(DETAIL, '/api/admin/prompts/bottom_only', {
      token,
      params: { type: 'bottom_only' },
    });
    expect(badType.status).toBe(400);

    const missing = await post(ACTIVATE, '/api/admin/prompts/system/activate', 'system', {
      version: 42,
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'not_found' } });
  });
});
