import { test, expect, type Page } from '@playwright/test';
import { AUTH_STATE, uniqueEmail, signIn } from './support/accounts';
import { holdAtStripeCheckout, stripeSession } from './support/stripe';

/**
 * The public pages: static (prerendered, no database read while rendering),
 * correct from 360 to 430 px wide and on a desktop, with their SEO assets, the
 * landing's real before/after, shopper-sized pricing and the signed-in state
 * in the header from the browser.
 */

const PAGES = ['/', '/pricing', '/docs', '/signin'] as const;
const NAMES: Record<(typeof PAGES)[number], string> = {
  '/': 'landing',
  '/pricing': 'pricing',
  '/docs': 'docs',
  '/signin': 'signin',
};

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test.describe('static rendering', () => {
  for (const path of PAGES) {
    test(`${path} is served prerendered`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      // Next marks a prerendered page it served from the build (or its cache).
      const h = res.headers();
      expect(h['x-nextjs-prerender'] ?? h['x-nextjs-cache'], JSON.stringify(h)).toBeTruthy();
      expect(h['cache-control']).not.toContain('no-store');
    });
  }
});

test.describe('phones: no horizontal scroll, the header fits', () => {
  for (const width of [360, 390, 430]) {
    for (const path of PAGES) {
      test(`${path} at ${width} px`, async ({ browser }) => {
        const context = await browser.newContext({
          viewport: { width, height: 844 },
          isMobile: true,
          hasTouch: true,
        });
        const page = await context.newPage();
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        const signInLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
          name: 'Sign in',
        });
        const box = await signInLink.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
        expect(box!.height).toBeGreaterThanOrEqual(44);
        if (width === 390)
          await page.screenshot({
            path: `e2e/screenshots/${NAMES[path]}-390.png`,
            fullPage: true,
          });
        await context.close();
      });
    }
  }
});

test.describe('desktop', () => {
  test.use({ viewport: { width: 1366, height: 900 } });
  for (const path of PAGES) {
    test(`${path} at 1366 px`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `e2e/screenshots/${NAMES[path]}-1366.png`, fullPage: true });
    });
  }
});

test.describe('SEO and assets', () => {
  test('robots.txt and sitemap.xml list the public pages only', async ({ request }) => {
    const robots = await request.get('/robots.txt');
    expect(robots.status()).toBe(200);
    const text = await robots.text();
    expect(text).toMatch(/Disallow: \/api\//);
    expect(text).toMatch(/Disallow: \/admin/);
    expect(text).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
    const sitemap = await request.get('/sitemap.xml');
    expect(sitemap.status()).toBe(200);
    const xml = await sitemap.text();
    for (const p of ['/pricing', '/docs', '/privacy']) expect(xml).toContain(`${p}</loc>`);
    expect(xml).not.toContain('/admin');
  });

  test('icons, web manifest and Open Graph image are served', async ({ request }) => {
    const manifest = await request.get('/manifest.webmanifest');
    expect(manifest.status()).toBe(200);
    const m = (await manifest.json()) as { icons: Array<{ src: string; sizes: string }> };
    for (const icon of m.icons) {
      const res = await request.get(icon.src);
      expect(res.status(), icon.src).toBe(200);
    }
    expect(m.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const apple = await request.get('/apple-icon.png');
    expect(apple.headers()['content-type']).toBe('image/png');
  });

  for (const path of PAGES) {
    test(`${path} has a title, a description, a canonical URL and an Open Graph image`, async ({
      page,
      request,
    }) => {
      await page.goto(path);
      await expect(page).toHaveTitle(/TrailRoom/);
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      expect(description?.length ?? 0).toBeGreaterThan(50);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(new URL(canonical!).pathname).toBe(path);
      const og = await page.locator('meta[property="og:image"]').first().getAttribute('content');
      const image = await request.get(new URL(og!).pathname + new URL(og!).search);
      expect(image.status()).toBe(200);
      expect(image.headers()['content-type']).toBe('image/png');
    });
  }
});

test('the landing shows a real before/after made by the preview compositor', async ({ page }) => {
  await page.goto('/');
  const figure = page.getByRole('figure').filter({ hasText: 'preview compositor' });
  await expect(figure).toContainText('Real results come from the configured image model');
  for (const name of ['Sample photo', 'The same photo with the blue T-shirt']) {
    const img = figure.getByRole('img', { name: new RegExp(name) });
    await expect(img).toBeVisible();
    expect(
      await img.evaluate(
        (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth,
      ),
    ).toBeGreaterThan(100);
  }
});

test.describe('signed in', () => {
  test.use({ storageState: AUTH_STATE.demo });
  test('the static header learns the session in the browser', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Open studio' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  });

  test('sign-in goes straight on when already signed in', async ({ page }) => {
    await page.goto('/signin?callbackUrl=%2Fcredits');
    await page.waitForURL('**/credits');
  });
});

test.describe('shopper-sized pricing', () => {
  test('a shopper starts at the smallest pack; a shop or app at 2,100; packs say what they buy', async ({
    page,
  }) => {
    await page.goto('/pricing');
    const smallest = page.getByRole('radio', { name: /(^|\s)300 credits/ });
    await expect(smallest).toBeChecked();
    await expect(page.getByText('Best for shoppers')).toBeVisible();
    await expect(page.getByTestId('order-total')).toHaveText('$6.00');
    await expect(page.getByRole('radio', { name: /(^|\s)1,000 credits/ })).toHaveAccessibleName(
      /1,000 tops or 500 outfits/,
    );

    await page.getByRole('radio', { name: /For my shop or app/ }).check();
    await expect(page.getByRole('radio', { name: /(^|\s)2,100 credits/ })).toBeChecked();
    await expect(page.getByText('Best for shops & apps')).toBeVisible();
    await expect(page.getByTestId('order-total')).toHaveText('$37.80');

    // Arrow keys move and select inside the pack group (native radios).
    await page.getByRole('radio', { name: /(^|\s)2,100 credits/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: /(^|\s)5,000 credits/ })).toBeChecked();

    // The developer page links here with ?for=api.
    await page.goto('/pricing?for=api');
    await expect(page.getByRole('radio', { name: /(^|\s)2,100 credits/ })).toBeChecked();
  });

  test('an amount out of range is refused by the checkout schema before anything is sent', async ({
    page,
  }) => {
    await page.goto('/pricing');
    const field = page.getByRole('spinbutton', { name: 'Credits' });
    await field.fill('120');
    await expect(page.getByText('credits must be at least 300')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: /Sign in to buy|Buy/ }).last()).toBeDisabled();
  });

  test('the chosen amount survives a cancelled checkout', async ({ browser }) => {
    test.setTimeout(120_000);
    const { context, page } = await signIn(browser, uniqueEmail('canceller'), '/pricing');
    await page.getByRole('radio', { name: /(^|\s)1,000 credits/ }).check();
    const stripe = await holdAtStripeCheckout(page);
    await page.getByRole('button', { name: 'Buy 1,000 credits' }).last().click();
    const session = await stripeSession(await stripe.reached());
    await page.waitForURL(/^https:\/\/checkout\.stripe\.com\//);
    expect(session.metadata.credits).toBe('1000');
    // The shopper presses "back" on Stripe's page: Stripe sends them to the cancel URL.
    await page.goto(session.cancel_url);
    await expect(page.getByText('Checkout canceled')).toBeVisible();
    await expect(page.getByRole('radio', { name: /(^|\s)1,000 credits/ })).toBeChecked();
    await expect(page.getByTestId('order-total')).toHaveText('$20.00');
    await context.close();
  });
});
