import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { seededAdmin, signIn, uniqueEmail } from './support/accounts';
import { addPhoto, garmentPng, personPng } from './support/studio';

/**
 * "Not right?" on a finished try-on (issue 14): the first report re-rolls it
 * once for free — a new result, no credit spent, a zero-credit ledger entry —
 * and a second report of the same try-on is recorded without another re-roll.
 */

interface Balance {
  free_credits: number;
  paid_credits: number;
}

async function balance(page: Page): Promise<number> {
  const b = (await (await page.request.get('/api/v1/credits')).json()) as Balance;
  return b.free_credits + b.paid_credits;
}

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('"not right" regenerates once for free; a second report of the same try-on does not', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page } = await signIn(browser, uniqueEmail('reroll'), '/studio');
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByRole('heading', { level: 1, name: 'Studio' })).toBeVisible();

  // A top-only try-on in the studio.
  await addPhoto(page, 'Your photo', 'me.png', await personPng());
  await addPhoto(page, 'Top garment', 'shirt.png', await garmentPng('#1f6feb'));
  await page.getByRole('button', { name: /^Try it on · 1 credit/ }).click();
  await expect(page.getByTestId('result')).toBeVisible({ timeout: 60_000 });
  const spent = await balance(page);
  expect(spent).toBe(2);

  // Not right → the dialog: a reason is required, a note is optional.
  await page.getByRole('button', { name: 'Not right?' }).click();
  const dialog = page.getByRole('dialog', { name: 'What is not right?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('free of charge');
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await expect(dialog.getByText('Choose a reason.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/reroll-dialog-desktop.png' });
  await dialog.getByRole('radio', { name: /The garment changed/ }).check();
  await dialog.getByLabel('Anything else? (optional)').fill('The stripes are gone');
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await expect(dialog).toBeHidden();

  const outcome = page.getByTestId('report-outcome');
  await expect(outcome).toContainText('A new version is being made — free of charge.');
  await page.screenshot({ path: 'e2e/screenshots/reroll-studio-desktop.png', fullPage: true });

  // The new version: its own page, made at no cost.
  const originalUrl = page.url();
  await outcome.getByRole('link', { name: 'See the new version' }).click();
  await page.waitForURL(/\/history\/[0-9a-f]{24}$/);
  const rerollId = page.url().split('/').pop() ?? '';
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/v1/tryon/${rerollId}`)).json()) as { status: string })
          .status,
      { timeout: 60_000 },
    )
    .toBe('completed');
  const reroll = (await (await page.request.get(`/api/v1/tryon/${rerollId}`)).json()) as {
    credits_used: number;
    reroll_of: string;
  };
  expect(reroll.credits_used).toBe(0);
  const originalId = reroll.reroll_of;
  expect(originalId).toMatch(/^[0-9a-f]{24}$/);
  expect(originalUrl).toContain('/studio');
  await page.reload();
  await expect(page.getByText('This is a free re-roll of')).toBeVisible();
  expect(await balance(page)).toBe(spent);

  // A second report of the same try-on (its history page): recorded, no second re-roll.
  await page.goto(`/history/${originalId}`);
  await expect(page.getByTestId('report-outcome')).toContainText(
    'You reported this result as not right.',
  );
  await page.getByRole('button', { name: 'Report another problem' }).click();
  const again = page.getByRole('dialog', { name: 'What is not right?' });
  await again.getByRole('radio', { name: /My face or skin changed/ }).check();
  await again.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByTestId('report-outcome')).toContainText(
    'This try-on already had its free re-roll.',
  );
  await expect(page.getByTestId('reroll-link')).toHaveAttribute('href', `/history/${rerollId}`);

  // Two try-ons in all, one charge, and the re-roll's zero-credit ledger entry.
  const list = (await (await page.request.get('/api/v1/tryon')).json()) as {
    data: Array<{ id: string }>;
  };
  expect(list.data.map((j) => j.id).sort()).toEqual([originalId, rerollId].sort());
  expect(await balance(page)).toBe(spent);
  const tx = (await (await page.request.get('/api/v1/credits/transactions')).json()) as {
    data: Array<{ type: string; credits: number }>;
  };
  expect(
    tx.data
      .filter((t) => t.type === 'usage')
      .map((t) => t.credits)
      .sort(),
  ).toEqual([-1, 0]);

  // At phone width the report controls fit and keep 44 px targets.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const button = page.getByRole('button', { name: 'Report another problem' });
  await expect(button).toBeVisible();
  expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await button.click();
  await page.screenshot({ path: 'e2e/screenshots/reroll-dialog-phone.png' });

  // Admins: the job page lists both reports with their reasons, the provider attempt and the
  // link to the re-roll; the prompt versions table shows the report rate.
  const { context: adminContext } = await seededAdmin(browser);
  const admin = await adminContext.newPage();
  await admin.setViewportSize({ width: 1366, height: 900 });
  await admin.goto(`/admin/jobs/${originalId}`);
  const reports = admin.getByTestId('job-reports');
  await expect(reports.getByRole('listitem')).toHaveCount(2);
  await expect(reports).toContainText('The garment changed');
  await expect(reports).toContainText('“The stripes are gone”');
  await expect(reports).toContainText('My face or skin changed');
  await expect(reports.getByRole('link', { name: 're-rolled for free' })).toHaveAttribute(
    'href',
    `/admin/jobs/${rerollId}`,
  );
  await expect(admin.getByTestId('provider-attempts').getByRole('row')).toHaveCount(1);
  await expect(admin.getByTestId('provider-attempts')).toContainText('local');
  expect(await axeViolations(admin)).toEqual([]);
  await admin.screenshot({ path: 'e2e/screenshots/reroll-admin-job.png', fullPage: true });
  await admin.goto(`/admin/jobs/${rerollId}`);
  await expect(admin.getByText('A free re-roll (no charge) of job')).toBeVisible();
  await admin.goto('/admin/prompts/top_only');
  await expect(admin.getByRole('columnheader', { name: 'Reported' })).toBeVisible();
  await expect(admin.getByTestId('report-rate-1')).not.toHaveText('');
  await adminContext.close();
});
