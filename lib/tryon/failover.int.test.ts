import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Top-only try-ons fail over from Gemini to OpenAI; both SDKs talk to local
// wire-format stubs. Set before lib/env is first imported.
const ports = vi.hoisted(() => {
  const gemini = 45000 + Math.floor(Math.random() * 1000);
  const openai = gemini + 1000;
  process.env.GEMINI_API_KEY = 'test-gemini-key';
  process.env.GEMINI_BASE_URL = `http://127.0.0.1:${gemini}`;
  process.env.OPENAI_API_KEY = 'sk-test-stub';
  process.env.OPENAI_BASE_URL = `http://127.0.0.1:${openai}/v1`;
  process.env.AI_PROVIDER_TOP = 'gemini';
  process.env.TRYON_PROVIDERS_TOP = 'gemini,openai';
  return { gemini, openai };
});

import { getBalance, reconcile } from '@/lib/credits';
import { json, startStubServer, type StubServer } from '@/lib/ai/stub-server';
import { drainInline } from '@/lib/jobs';
import { CreditTransaction } from '@/models';
import { TryonJob } from '@/models/tryon-job';
import { createUser, makeImage, seedPrompts } from '@/lib/testing/tryon-fixtures';
import { activatePromptVersion, createPromptVersion, listPromptVersions } from '@/lib/prompts';
import { createTryonJob, serializeJob, type TryonSubmission } from './index';
import { adminGetJob } from './admin-get-job';

let gemini: StubServer;
let openai: StubServer;
let output: Buffer;

async function submission(): Promise<TryonSubmission> {
  const { createHash } = await import('node:crypto');
  const images = { user: await makeImage('#c8a27a'), top: await makeImage('#1f6feb') };
  const h = createHash('sha256').update('top');
  for (const b of Object.values(images)) h.update(b);
  return { mode: 'top', images, requestHash: h.digest('hex') };
}

async function ledger(userId: string) {
  return (await CreditTransaction.find({ userId }).sort({ seq: 1 }).lean()).map(
    (e) => `${e.type}:${e.credits}`,
  );
}

beforeAll(async () => {
  await seedPrompts();
  output = await makeImage('#44aa88', { width: 512, height: 640 });
  [gemini, openai] = await Promise.all([
    startStubServer(ports.gemini),
    startStubServer(ports.openai),
  ]);
});
afterAll(() => Promise.all([gemini.close(), openai.close()]));
beforeEach(() => {
  gemini.requests.length = 0;
  openai.requests.length = 0;
  openai.setHandler((_req, res) =>
    json(res, 200, { created: 1, data: [{ b64_json: output.toString('base64') }] }),
  );
});
afterEach(() => drainInline(30_000));

describe('provider failover on a try-on job (real SDKs, wire-format stubs, real database)', () => {
  it('Gemini answers 503, OpenAI makes the image: completed, charged once, both attempts recorded', async () => {
    gemini.setHandler((_req, res) =>
      json(res, 503, { error: { code: 503, message: 'overloaded', status: 'UNAVAILABLE' } }),
    );
    const userId = await createUser();
    const { job } = await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: await submission(),
    });
    await drainInline(30_000);

    const done = await TryonJob.findById(job._id).orFail().lean();
    expect(done.status).toBe('completed');
    expect(done.provider).toBe('openai');
    expect(done.model).toBe('gpt-image-2.5-sunburst');
    expect(done.retryCount ?? 0).toBe(0);
    expect(gemini.requests).toHaveLength(1);
    expect(gemini.requests[0]?.path).toContain(':generateContent');
    expect(openai.requests).toHaveLength(1);
    expect(done.providerAttempts).toMatchObject([
      {
        provider: 'gemini',
        model: 'gemini-2.5-flash-image',
        ok: false,
        code: 'provider_unavailable',
      },
      { provider: 'openai', model: 'gpt-image-2.5-sunburst', ok: true },
    ]);
    for (const a of done.providerAttempts ?? []) {
      expect(a.ms).toBeGreaterThanOrEqual(0);
      expect(a.at).toBeInstanceOf(Date);
    }
    // Charged once, nothing refunded, the ledger reconciles.
    expect(await ledger(userId)).toEqual(['free:3', 'usage:-1']);
    expect((await getBalance(userId)).total).toBe(2);
    expect((await reconcile()).ok).toBe(true);
    // Owners see which provider made it, never the attempts; admins see every attempt.
    expect(serializeJob(done)).not.toHaveProperty('provider_attempts');
    expect((await adminGetJob(job._id.toString())).provider_attempts).toMatchObject([
      { provider: 'gemini', ok: false, code: 'provider_unavailable' },
      { provider: 'openai', ok: true },
    ]);
  });

  it('a Gemini safety block does not fail over: the job fails once, OpenAI is never called, the charge is refunded once', async () => {
    gemini.setHandler((_req, res) =>
      json(res, 200, { candidates: [], promptFeedback: { blockReason: 'SAFETY' } }),
    );
    const userId = await createUser();
    const { job } = await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: await submission(),
    });
    await drainInline(30_000);

    const done = await TryonJob.findById(job._id).orFail().lean();
    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('content_blocked');
    expect(openai.requests).toHaveLength(0);
    expect(gemini.requests).toHaveLength(1);
    expect(done.providerAttempts).toMatchObject([
      { provider: 'gemini', ok: false, code: 'safety_blocked' },
    ]);
    expect(await ledger(userId)).toEqual(['free:3', 'usage:-1', 'refund:1']);
    expect((await getBalance(userId)).total).toBe(3);
  });

  it("a prompt version's own failover order wins over the configured one", async () => {
    const userId = await createUser();
    const actor = { userId, email: 'admin@test.local' };
    const created = await createPromptVersion({
      type: 'top_only',
      body: {
        content: 'Dress the person in the garment, keeping every print and logo exactly.',
        note: 'OpenAI first for this version',
        providers: ['openai', 'gemini'],
        activate: true,
      },
      actor,
    });
    try {
      const listed = (await listPromptVersions('top_only')).versions.find(
        (v) => v.version === created.version,
      );
      expect(listed?.providers).toEqual(['openai', 'gemini']);
      const { job } = await createTryonJob({
        userId,
        source: { kind: 'web' },
        submission: await submission(),
      });
      await drainInline(30_000);
      const done = await TryonJob.findById(job._id).orFail().lean();
      expect(done.status).toBe('completed');
      expect(done.promptVersion).toBe(created.version);
      expect(done.providerAttempts?.map((a) => `${a.provider}:${a.ok}`)).toEqual(['openai:true']);
      expect(gemini.requests).toHaveLength(0);
    } finally {
      await activatePromptVersion({ type: 'top_only', version: 1, actor });
    }
  });
});
