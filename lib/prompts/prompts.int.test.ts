import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { drainInline } from '@/lib/jobs';
import { createTryonJob, planJobGeneration, reportTryonJob } from '@/lib/tryon';
import { createQueuedJob, createUser, makeImage, seedPrompts } from '@/lib/testing/tryon-fixtures';
import { createTestUser } from '@/lib/testing/session-request';
import { AuditLog, Prompt, PromptActivation, TryonJob, type PromptType } from '@/models';
import {
  activatePromptVersion,
  comparePromptVersions,
  createPromptVersion,
  listPromptTypes,
  listPromptVersions,
  previewPromptVersion,
  readActivationHead,
  resolveActivePrompt,
  resolveTryonPrompts,
} from './index';
import type { AuditActor } from '@/lib/audit';

let actor: AuditActor;

const body = (content: string, extra: Record<string, unknown> = {}) => ({
  content,
  note: 'test edit',
  activate: false,
  ...extra,
});

/** The invariant readers rely on: one log head, one flag, and they agree. */
async function expectExactlyOneActive(type: PromptType) {
  const head = await readActivationHead(type);
  const flagged = await Prompt.find({ type, active: true }).lean();
  expect(flagged).toHaveLength(1);
  expect(flagged[0]!._id.toString()).toBe(head!.promptId);
  const resolved = await resolveActivePrompt(type);
  expect(resolved.id).toBe(head!.promptId);
  expect(resolved.version).toBe(head!.version);
  // The log is a total order: seq 1..n, no gaps, no duplicates.
  const seqs = (await PromptActivation.find({ type }).lean())
    .map((a) => a.seq)
    .sort((a, b) => a - b);
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  return resolved;
}

beforeAll(async () => {
  await seedPrompts();
  const admin = await createTestUser({ role: 'super_admin' });
  actor = { userId: admin._id.toString(), email: admin.email, role: 'super_admin' };
});

afterEach(async () => {
  await drainInline(30_000);
});

describe('prompt versions', () => {
  it('the seed starts each activation log at v1', async () => {
    for (const type of ['system', 'top_only', 'full_outfit', 'one_piece'] as const) {
      const head = await readActivationHead(type);
      expect(head).toMatchObject({ seq: 1, version: 1, actorId: 'seed' });
      await expectExactlyOneActive(type);
    }
    // Idempotent: a second seed writes no second entry.
    await seedPrompts();
    expect(await PromptActivation.countDocuments({})).toBe(4);
  });

  it('creates an inactive version, audited; activates it and rolls back, audited with old/new', async () => {
    const created = await createPromptVersion({
      type: 'full_outfit',
      body: body('Dress the person in both garments. Keep shoes.', {
        provider: 'openai',
        model: 'gpt-image-x',
      }),
      actor,
    });
    expect(created).toMatchObject({ type: 'full_outfit', version: 2, activation: null });
    expect((await resolveActivePrompt('full_outfit')).version).toBe(1);
    const createdAudit = await AuditLog.findOne({ action: 'prompt.create' }).lean();
    expect(createdAudit).toMatchObject({
      entityType: 'prompt',
      entityId: 'full_outfit:v2',
      after: { version: 2, provider: 'openai', model: 'gpt-image-x', note: 'test edit' },
    });

    const activated = await activatePromptVersion({
      type: 'full_outfit',
      version: 2,
      actor,
      reason: 'better fit',
    });
    expect(activated).toMatchObject({ version: 2, previousVersion: 1, changed: true, seq: 2 });
    const now = await expectExactlyOneActive('full_outfit');
    expect(now).toMatchObject({ version: 2, provider: 'openai', model: 'gpt-image-x' });
    const audit = await AuditLog.findOne({ action: 'prompt.activate' }).sort({ _id: -1 }).lean();
    expect(audit).toMatchObject({
      before: { activeVersion: 1 },
      after: { activeVersion: 2, activationSeq: 2 },
      reason: 'better fit',
    });

    // Activating the active version again changes nothing and audits nothing.
    const auditsBefore = await AuditLog.countDocuments({ action: 'prompt.activate' });
    expect(await activatePromptVersion({ type: 'full_outfit', version: 2, actor })).toMatchObject({
      changed: false,
    });
    expect(await AuditLog.countDocuments({ action: 'prompt.activate' })).toBe(auditsBefore);

    // Roll back.
    await activatePromptVersion({ type: 'full_outfit', version: 1, actor });
    expect((await expectExactlyOneActive('full_outfit')).version).toBe(1);
    const detail = await listPromptVersions('full_outfit');
    expect(detail.activeVersion).toBe(1);
    expect(detail.versions.map((v) => [v.version, v.active])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(detail.activations.map((a) => [a.seq, a.version, a.previousVersion])).toEqual([
      [3, 1, 2],
      [2, 2, 1],
      [1, 1, null],
    ]);
  });

  it('activate on save; unknown versions are 404', async () => {
    const created = await createPromptVersion({
      type: 'system',
      body: body('You are a careful virtual fitting room. Keep the face.', { activate: true }),
      actor,
    });
    expect(created.activation).toMatchObject({ changed: true, version: created.version });
    expect((await expectExactlyOneActive('system')).version).toBe(created.version);
    await expect(
      activatePromptVersion({ type: 'system', version: 999, actor }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('20 concurrent creates get 20 distinct consecutive version numbers', async () => {
    const before = (await listPromptVersions('top_only')).versions.length;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createPromptVersion({
          type: 'top_only',
          body: body(`Concurrent edit number ${i} of the top prompt.`),
          actor,
        }),
      ),
    );
    const numbers = results.map((r) => r.version).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    const stored = await Prompt.find({ type: 'top_only' }).lean();
    expect(new Set(stored.map((p) => p.version)).size).toBe(stored.length);
    expect(stored).toHaveLength(before + 20);
    // Each stored version holds the content its creator sent.
    for (const r of results) {
      const doc = stored.find((p) => p.version === r.version)!;
      expect(doc._id.toString()).toBe(r.id);
    }
    expect(await AuditLog.countDocuments({ action: 'prompt.create', entityId: /^top_only:/ })).toBe(
      20,
    );
  });

  it('20 concurrent activations leave exactly one active version, while jobs record what they used', async () => {
    const versions = (await listPromptVersions('top_only')).versions.map((v) => v.version);
    expect(versions.length).toBeGreaterThanOrEqual(20);
    const userId = await createUser();
    const jobs = await Promise.all(
      Array.from({ length: 6 }, () => createQueuedJob(userId, { charge: false })),
    );
    const auditsBefore = await AuditLog.countDocuments({ action: 'prompt.activate' });
    const headBefore = await readActivationHead('top_only');

    const targets = Array.from({ length: 20 }, (_, i) => versions[i % versions.length]!);
    const seen: Array<{ id: string; version: number; content: string }> = [];
    const [results] = await Promise.all([
      Promise.all(
        targets.map((version) => activatePromptVersion({ type: 'top_only', version, actor })),
      ),
      // Readers in the middle of the storm always see one whole version.
      (async () => {
        for (let i = 0; i < 10; i += 1) {
          const p = await resolveTryonPrompts('top');
          seen.push(p.instruction);
        }
      })(),
      // Jobs planned in the middle of the storm record the version they were given.
      Promise.all(
        jobs.map(async (job) => {
          const prompts = await resolveTryonPrompts('top');
          const plan = await planJobGeneration(job._id.toString(), prompts);
          return { jobId: job._id.toString(), plan, sent: prompts.instruction };
        }),
      ).then((planned) => {
        for (const p of planned) expect(p.plan.promptVersion).toBe(p.sent.version);
        return planned;
      }),
    ]);

    const head = await readActivationHead('top_only');
    const active = await expectExactlyOneActive('top_only');
    const changed = results.filter((r) => r.changed);
    expect(changed.length).toBeGreaterThan(0);
    // Every change took its own seq, in one order; the head is the last of them.
    expect(head!.seq).toBe(headBefore!.seq + changed.length);
    expect(new Set(changed.map((r) => r.seq)).size).toBe(changed.length);
    expect(changed.find((r) => r.seq === head!.seq)!.version).toBe(active.version);
    expect(await AuditLog.countDocuments({ action: 'prompt.activate' })).toBe(
      auditsBefore + changed.length,
    );
    // Each chained entry names the one before it as its previous version.
    const log = await PromptActivation.find({ type: 'top_only' }).sort({ seq: 1 }).lean();
    for (let i = 1; i < log.length; i += 1)
      expect(log[i]!.previousVersion).toBe(log[i - 1]!.version);

    const all = await Prompt.find({ type: 'top_only' }).lean();
    for (const s of seen) {
      const doc = all.find((p) => p._id.toString() === s.id)!;
      expect(doc.version).toBe(s.version);
      expect(doc.content).toBe(s.content);
    }
    for (const job of jobs) {
      const stored = (await TryonJob.findById(job._id).lean())!;
      const doc = all.find((p) => p._id.toString() === stored.promptId!.toString())!;
      expect(stored.promptVersion).toBe(doc.version);
      expect(stored.systemPromptVersion).toBe((await resolveActivePrompt('system')).version);
    }
  });

  it('a job run after an activation records the new version; usage counts it', async () => {
    const created = await createPromptVersion({
      type: 'top_only',
      body: body('Replace only the top. Keep trousers, shoes and hands exactly as they are.', {
        activate: true,
      }),
      actor,
    });
    const userId = await createUser();
    const images = { user: await makeImage('#c8a27a'), top: await makeImage('#3b82f6') };
    const h = createHash('sha256').update('top');
    for (const b of Object.values(images)) h.update(b);
    const { job } = await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: { mode: 'top', images, requestHash: h.digest('hex') },
    });
    await drainInline();
    const done = await TryonJob.findById(job._id).lean();
    expect(done).toMatchObject({ status: 'completed', promptVersion: created.version });
    expect(done!.promptId!.toString()).toBe(created.id);

    // One failed job on the same version: 1 of 2 finished succeeded.
    const failed = await createQueuedJob(userId, { charge: false });
    await TryonJob.updateOne(
      { _id: failed._id },
      { $set: { status: 'failed', promptId: created.id, promptVersion: created.version } },
    );
    const detail = await listPromptVersions('top_only');
    const v = detail.versions.find((x) => x.version === created.version)!;
    expect(v.usage).toEqual({
      jobs: 2,
      completed: 1,
      failed: 1,
      successRate: 0.5,
      reported: 0,
      reportRate: 0,
    });
    // "Not right" on the completed one: its free re-roll completes on the same version, so 1 of
    // the version's 2 completed try-ons is reported.
    await reportTryonJob({
      ownerId: userId,
      actorUserId: userId,
      jobId: job._id.toString(),
      reason: 'garment_changed',
    });
    await drainInline();
    const reported = (await listPromptVersions('top_only')).versions.find(
      (x) => x.version === created.version,
    )!;
    expect(reported.usage).toMatchObject({ completed: 2, reported: 1, reportRate: 0.5 });
    const system = await listPromptVersions('system');
    const activeSystem = system.versions.find((x) => x.active)!;
    expect(activeSystem.usage.completed).toBeGreaterThanOrEqual(1);

    const summary = await listPromptTypes();
    expect(summary.find((s) => s.type === 'top_only')).toMatchObject({
      activeVersion: created.version,
      latestVersion: created.version,
    });
  });

  it('compares two versions and previews what a job would send', async () => {
    const a = await createPromptVersion({
      type: 'full_outfit',
      body: body('Dress the person in the top and the bottom.\nKeep shoes.'),
      actor,
    });
    const b = await createPromptVersion({
      type: 'full_outfit',
      body: body('Dress the person in the top and the bottom.\nKeep shoes and socks.', {
        provider: 'local',
      }),
      actor,
    });
    const cmp = await comparePromptVersions('full_outfit', a.version, b.version);
    expect(cmp.stats).toEqual({ added: 2, removed: 0 });
    expect(cmp.lines.map((r) => r.kind)).toEqual(['equal', 'changed']);
    expect(cmp.settingsChanged).toEqual([{ field: 'provider', from: null, to: 'local' }]);

    const [full] = await previewPromptVersion('full_outfit', b.version);
    expect(full).toMatchObject({
      mode: 'full',
      provider: 'local',
      providerSource: 'prompt override',
      images: ['Person photo', 'Top garment', 'Bottom garment'],
      promptIgnored: true,
    });
    const system = await resolveActivePrompt('system');
    expect(full!.text).toContain(system.content);
    expect(full!.text).toContain('Keep shoes and socks.');
    const systemPreview = await previewPromptVersion('system');
    expect(systemPreview.map((p) => p.mode)).toEqual(['top', 'full', 'one_piece']);
    // The one-piece preview sends the person photo and the one garment.
    expect(systemPreview[2]?.images).toEqual(['Person photo', 'One-piece garment']);
    expect(systemPreview[2]?.instruction.type).toBe('one_piece');
    await expect(previewPromptVersion('system', 999)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a type without a log (data from before the log) resolves by flag and starts the log on activation', async () => {
    await PromptActivation.deleteMany({ type: 'system' });
    await Prompt.updateMany({ type: 'system' }, { $set: { active: false } });
    await Prompt.updateOne({ type: 'system', version: 1 }, { $set: { active: true } });
    expect((await resolveActivePrompt('system')).version).toBe(1);
    const r = await activatePromptVersion({ type: 'system', version: 2, actor });
    expect(r).toMatchObject({ previousVersion: 1, changed: true, seq: 1 });
    expect((await expectExactlyOneActive('system')).version).toBe(2);
  });
});
