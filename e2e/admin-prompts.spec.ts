import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { signIn, seededAdmin, uniqueEmail } from './support/accounts';

const png = (colour: string, w = 600, h = 800) =>
  sharp({ create: { width: w, height: h, channels: 3, background: colour } })
    .png()
    .toBuffer();

// The super admin's prompt editor (new version → activate → diff → preview →
// roll back) and the analytics page.
test.describe('admin prompts and analytics', () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    ({ context } = await seededAdmin(browser));
    page = await context.newPage();
  });
  test.afterAll(async () => {
    await context.close();
  });

  test('super admin saves a version, activates it, compares and previews it, and rolls back', async () => {
    test.slow();
    await page.goto('/admin/prompts');
    await expect(page.getByRole('heading', { name: 'Prompts', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Prompts' }).first()).toBeVisible();
    await page.getByRole('link', { name: 'Edit top only prompt' }).click();
    await expect(page.getByRole('heading', { name: 'Top only prompt' })).toBeVisible();

    const activeRow = page.locator('tr', { hasText: 'Active' });
    const before = Number((await activeRow.locator('td').first().innerText()).match(/v(\d+)/)![1]);

    const marker = `Keep sleeves rolled exactly as photographed ${Date.now().toString(36)}.`;
    const editor = page.getByLabel(/Prompt text for v\d+/);
    const original = await editor.inputValue();
    await editor.fill(`${original} ${marker}`);
    // The form validates with the route's schema before sending.
    await page.getByRole('button', { name: /^Save v\d+$/ }).click();
    await expect(page.getByText('say what changed (at least 3 characters)')).toBeVisible();
    await page.getByLabel('What changed and why').fill('e2e: keep sleeves');
    await page.getByRole('button', { name: /^Save v\d+$/ }).click();
    const saved = page.getByRole('status').filter({ hasText: /^Saved v\d+/ });
    await expect(saved).toBeVisible();
    const created = Number((await saved.innerText()).match(/Saved v(\d+)/)![1]);
    expect(created).toBeGreaterThan(before);

    const row = page.getByTestId(`version-row-${created}`);
    await expect(row).toContainText('e2e: keep sleeves');
    await expect(row).toContainText('admin@trailroom.local');
    await row.getByRole('button', { name: `Activate v${created}` }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(`New jobs will use v${created}`);
    await dialog.getByLabel('Reason (optional)').fill('e2e activation');
    await dialog.getByRole('button', { name: `Activate v${created}` }).click();
    await expect(page.getByText(`v${created} is now active.`)).toBeVisible();
    await expect(row).toContainText('Active');
    await expect(page.getByTestId(`version-row-${before}`)).not.toContainText('Active');

    // The diff between the old active version and the new one shows the added sentence.
    await page.getByLabel('From (older)').selectOption(String(before));
    await page.getByLabel('To (newer)').selectOption(String(created));
    const diff = page.getByTestId('prompt-diff');
    await expect(diff.locator('ins')).toContainText('Keep sleeves rolled');
    await expect(diff).toContainText(/\+\d+ words/);
    await page.getByRole('button', { name: 'Side by side' }).click();
    await expect(diff.getByRole('table')).toBeVisible();
    await expect(diff.locator('td ins').first()).toContainText('Keep sleeves');

    // The preview shows what a top-only job would send with it.
    await row.getByRole('button', { name: `Preview v${created}` }).click();
    const preview = page.getByTestId('prompt-preview');
    await expect(preview).toContainText('Top-only try-on');
    await expect(preview).toContainText(marker);
    await expect(preview).toContainText('Person photo → Top garment');

    await expect(page.getByRole('heading', { name: 'Activation history' })).toBeVisible();
    await expect(page.locator('ol li').first()).toContainText(`v${before} → v${created}`);
    await page.screenshot({ path: 'e2e/screenshots/admin-prompts.png', fullPage: true });

    // Roll back, leaving the seeded prompt active for the other specs.
    await page
      .getByTestId(`version-row-${before}`)
      .getByRole('button', { name: `Roll back to v${before}` })
      .click();
    // The dialog's title and its button say the same thing.
    const rollback = page.getByRole('alertdialog', { name: `Roll back to v${before}?` });
    await expect(rollback).toBeVisible();
    await rollback.getByRole('button', { name: `Roll back to v${before}` }).click();
    await expect(page.getByText(`v${before} is now active.`)).toBeVisible();
    await expect(page.getByTestId(`version-row-${before}`)).toContainText('Active');

    // Every change is in the audit log with before and after.
    const audit = await context.request.get('/api/admin/audit-logs?action=prompt.activate');
    const entries = (await audit.json()).data as Array<{
      before: { activeVersion: number };
      after: { activeVersion: number };
    }>;
    expect(entries[0]).toMatchObject({
      before: { activeVersion: created },
      after: { activeVersion: before },
    });
  });

  test('analytics shows KPI tiles and charts with text summaries, per range', async ({
    browser,
  }) => {
    test.slow();
    // Today's figures are live: a shopper's two try-ons (one completes, one fails) show at once.
    const { context: shopper, page: shopperPage } = await signIn(
      browser,
      uniqueEmail('analytics'),
      '/studio',
    );
    // Solid #FF00FF is the local provider's injected final failure.
    for (const top of ['#0f766e', '#ff00ff']) {
      const res = await shopperPage.request.post('/api/v1/tryon', {
        multipart: {
          mode: 'top',
          user_image: { name: 'me.png', mimeType: 'image/png', buffer: await png('#c8936b') },
          top_image: { name: 'top.png', mimeType: 'image/png', buffer: await png(top, 600, 600) },
        },
      });
      expect(res.status()).toBe(202);
    }
    await expect
      .poll(
        async () => {
          const list = (await (await shopperPage.request.get('/api/v1/tryon')).json()) as {
            data: Array<{ status: string }>;
          };
          return list.data.map((j) => j.status).sort();
        },
        { timeout: 60_000 },
      )
      .toEqual(['completed', 'failed']);
    await shopper.close();

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/admin/analytics');
    await expect(page.getByRole('heading', { name: 'Analytics', level: 1 })).toBeVisible();
    const compute = page.getByRole('button', { name: /Compute the last \d+ days/ });
    if (await compute.isVisible()) {
      await compute.click();
      await expect(page.getByRole('status').filter({ hasText: /Recomputed \d+ days/ })).toBeVisible(
        {
          timeout: 60_000,
        },
      );
    }
    for (const key of ['tryons', 'successRate', 'p95Processing', 'revenue', 'activeUsers']) {
      await expect(page.getByTestId(`kpi-${key}`)).toBeVisible();
    }
    for (const chart of ['tryons', 'success', 'processing', 'credits', 'revenue', 'people']) {
      await expect(page.getByTestId(`chart-${chart}`)).toBeVisible();
    }
    // Each chart says in words what it shows, and has its figures as a table.
    const tryons = page.getByTestId('chart-tryons');
    await expect(tryons.locator('figcaption')).toHaveText(/\d+ completed and \d+ failed/);
    await expect(page.getByTestId('chart-success').locator('figcaption')).toContainText(
      'of finished try-ons completed',
    );
    await tryons.getByText('Show as table').click();
    await expect(tryons.getByRole('table')).toBeVisible();
    await expect(tryons.getByRole('row')).toHaveCount(31);

    await page.getByRole('button', { name: '7 days', exact: true }).click();
    await expect(page.getByRole('button', { name: '7 days', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page).toHaveURL(/range=7/);
    await expect(tryons.getByRole('row')).toHaveCount(8);
    await expect(page.getByTestId('kpi-tryons')).toContainText('previous 7 days');
    await page.screenshot({ path: 'e2e/screenshots/admin-analytics.png', fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    // Charts measure their box after hydration; wait for the drawn surfaces.
    await expect(
      page.getByTestId('chart-credits').locator('.recharts-surface').first(),
    ).toBeVisible();
    await expect(
      page.getByTestId('chart-tryons').locator('.recharts-surface').first(),
    ).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/admin-analytics-390.png', fullPage: true });

    // The overview shows this week's tiles.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Last 7 days' })).toBeVisible();
    await expect(page.getByTestId('kpi-tryons')).toBeVisible();
  });
});
