import {
  test,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import sharp from 'sharp';
import { seededAdmin, signIn, uniqueEmail } from './support/accounts';
import { completeCheckout, settleRefunds } from './support/stripe';

/**
 * Admin operations end to end: a shopper's try-on fails (the local provider's
 * injected failure) and another completes; an admin finds the failed job,
 * retries it with a reason, refunds the completed one, and sees both in the
 * job's audit history. Then the shopper's Stripe purchase shows in the
 * payments list, and the admin refunds it in full at Stripe.
 */

async function png(colour: string, width = 600, height = 800): Promise<string> {
  const buf = await sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
  return buf.toString('base64');
}

interface Job {
  id: string;
  status: string;
}

async function submitTryOn(api: APIRequestContext, top: string): Promise<Job> {
  const res = await api.post('/api/v1/tryon', {
    data: { mode: 'top', user_image: await png('#c8a27a'), top_image: top },
  });
  expect(res.status(), await res.text()).toBe(202);
  return (await res.json()) as Job;
}

async function waitForJob(api: APIRequestContext, id: string, status: string): Promise<void> {
  await expect
    .poll(
      async () =>
        ((await (await api.get(`/api/v1/tryon/${id}`, { maxRetries: 2 })).json()) as Job).status,
      {
        timeout: 60_000,
      },
    )
    .toBe(status);
}

async function confirmWithReason(page: Page, button: string, reason: string, confirm: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/Reason/).fill(reason);
  await dialog.getByRole('button', { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

test.describe('admin operations', () => {
  let adminContext: BrowserContext;
  let admin: Page;
  let shopper: APIRequestContext;
  let shopperContext: BrowserContext;
  const email = uniqueEmail('adminops');
  let failed: Job;
  let completed: Job;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    ({ context: adminContext } = await seededAdmin(browser));
    admin = await adminContext.newPage();
    ({ context: shopperContext } = await signIn(browser, email, '/studio'));
    shopper = shopperContext.request;
    failed = await submitTryOn(shopper, await png('#ff00ff'));
    await waitForJob(shopper, failed.id, 'failed');
    completed = await submitTryOn(shopper, await png('#1f6feb'));
    await waitForJob(shopper, completed.id, 'completed');
  });

  test.afterAll(async () => {
    await adminContext.close();
    await shopperContext.close();
  });

  test('find a failed job, retry it with a reason, refund a completed one, see the audit entries', async () => {
    test.setTimeout(180_000);
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.goto('/admin/jobs');
    await expect(admin.getByRole('heading', { level: 1, name: 'Try-on jobs' })).toBeVisible();
    await admin.getByLabel('User email or id').fill(email);
    await admin.getByLabel('Status', { exact: true }).selectOption('failed');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.waitForURL(/status=failed/);
    const row = admin.getByRole('row').filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('failed');
    await expect(admin.getByRole('link', { name: /failed\s*1/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await admin.screenshot({ path: 'e2e/screenshots/admin-jobs.png', fullPage: true });

    await admin.getByRole('link', { name: `Job ${failed.id}` }).click();
    await admin.waitForURL(`**/admin/jobs/${failed.id}`);
    await expect(admin.getByRole('heading', { level: 1 })).toContainText(failed.id.slice(-8));
    await expect(admin.getByText('Refund: try-on', { exact: false })).toBeVisible();
    await expect(admin.getByRole('img', { name: 'Person image of the job' })).toBeVisible();
    await expect(admin.getByRole('button', { name: 'Refund credits' })).toBeDisabled();

    // The reason is required: the confirm button stays disabled until it is long enough.
    await admin.getByRole('button', { name: 'Retry job' }).click();
    const dialog = admin.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Retry job' })).toBeDisabled();
    await admin.screenshot({ path: 'e2e/screenshots/admin-job-retry-dialog.png' });
    await admin.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await confirmWithReason(admin, 'Retry job', 'provider outage resolved', 'Retry job');
    await expect(admin.getByRole('status').filter({ hasText: 'Job re-queued' })).toBeVisible();
    // The magenta top fails again; the earlier refund stands and nothing more is refunded.
    await waitForJob(shopper, failed.id, 'failed');
    await admin.reload();
    const history = admin.getByRole('table', { name: /Admin actions on job/ });
    await expect(history).toContainText('tryon_job.retry');
    await expect(history).toContainText('provider outage resolved');
    // The change reads as fields, not JSON.
    await expect(history).toContainText('status: failed → queued');
    await expect(admin.getByText('#1')).toBeVisible();
    await admin.screenshot({ path: 'e2e/screenshots/admin-job-detail.png', fullPage: true });

    // The completed job: refund its credit with a reason.
    await admin.goto(`/admin/jobs/${completed.id}`);
    await expect(admin.getByRole('img', { name: 'Result image of the job' })).toBeVisible();
    await confirmWithReason(
      admin,
      'Refund credits',
      'result unusable, sleeves missing',
      'Refund credits',
    );
    await expect(admin.getByRole('status').filter({ hasText: 'Refunded 1 credit' })).toBeVisible();
    await expect(admin.getByRole('button', { name: 'Refund credits' })).toBeDisabled();
    await expect(admin.getByRole('table', { name: /Admin actions on job/ })).toContainText(
      'result unusable, sleeves missing',
    );

    // The shopper got exactly two refunds back: 3 free − 2 used + 1 auto + 1 admin.
    const credits = (await (await shopper.get('/api/v1/credits', { maxRetries: 2 })).json()) as {
      total_credits: number;
    };
    expect(credits.total_credits).toBe(3);

    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.goto(`/admin/jobs?user=${encodeURIComponent(email)}`);
    await expect(admin.getByRole('row').filter({ hasText: email })).toHaveCount(2);
    await admin.screenshot({ path: 'e2e/screenshots/admin-jobs-mobile.png', fullPage: true });
  });

  test('the payments list shows a Stripe purchase, and an admin refunds it in full', async () => {
    test.setTimeout(180_000);
    const checkout = await shopper.post('/api/v1/billing/checkout', { data: { credits: 300 } });
    expect(checkout.status(), await checkout.text()).toBe(200);
    const { checkout_session_id: sessionId } = (await checkout.json()) as {
      checkout_session_id: string;
    };
    // The shopper pays at Stripe: checkout.session.completed reaches the webhook.
    await completeCheckout(sessionId);

    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.goto(`/admin/payments?user=${encodeURIComponent(email)}`);
    await expect(admin.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
    const row = admin.getByRole('row').filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('paid');
    await expect(row).toContainText('$6.00');
    const totals = admin.getByRole('region', { name: 'Totals for the filters' });
    await expect(totals).toContainText('Gross (USD)');
    await expect(totals).toContainText('$6.00');
    await admin.screenshot({ path: 'e2e/screenshots/admin-payments.png', fullPage: true });

    await row.getByRole('link').first().click();
    await admin.waitForURL(/\/admin\/payments\/[0-9a-f]{24}$/);
    await expect(admin.getByText(sessionId, { exact: true })).toBeVisible();
    await admin.getByRole('button', { name: 'Refund payment' }).click();
    const dialog = admin.getByRole('dialog');
    await expect(dialog.getByText('Everything not yet refunded ($6.00)')).toBeVisible();
    await dialog.getByLabel(/Reason/).fill('bought the wrong pack');
    await admin.screenshot({ path: 'e2e/screenshots/admin-payment-refund-dialog.png' });
    await dialog.getByRole('button', { name: 'Refund' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      admin.getByRole('status').filter({ hasText: 'Refund of $6.00 sent to Stripe' }),
    ).toBeVisible();
    const paid = async () =>
      (
        (await (await shopper.get('/api/v1/credits', { maxRetries: 2 })).json()) as {
          paid_credits: number;
        }
      ).paid_credits;
    expect(await paid()).toBe(300); // until Stripe confirms the refund
    // Stripe reports the refund it made (charge.refunded), which takes the credits back.
    const refunded = await settleRefunds(sessionId);
    expect(refunded.refunds.map((r) => r.amount)).toEqual([600]);
    await admin.reload();
    await expect(admin.getByText('refunded', { exact: true }).first()).toBeVisible();
    await expect(admin.getByRole('button', { name: 'Refund payment' })).toBeDisabled();
    const ledger = admin.getByRole('table', { name: 'Ledger entries of this payment' });
    await expect(ledger).toContainText('purchase');
    await expect(ledger).toContainText('chargeback');
    const history = admin.getByRole('table', { name: /Admin actions on payment/ });
    await expect(history).toContainText('payment.refund');
    await expect(history).toContainText('bought the wrong pack');
    await admin.screenshot({ path: 'e2e/screenshots/admin-payment-detail.png', fullPage: true });

    expect(await paid()).toBe(0);
  });
});
