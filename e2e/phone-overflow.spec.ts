import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { AUTH_STATE } from './support/accounts';
import { completeCheckout } from './support/stripe';
import { garmentPng, personPng } from './support/studio';

/**
 * Every page route at 390×844 as the person who uses it: no horizontal
 * scroll (`scrollWidth <= innerWidth`), and every button and link in the
 * main content at least 44×44 px (inline text links excepted). The route
 * list is read from app/**\/page.tsx, so a new page without an entry here
 * fails the first test.
 */

type Who = 'anon' | 'demo' | 'admin';
interface Ids {
  jobId: string;
  demoUserId: string;
  paymentId: string;
  sessionId: string;
  /** An organisation of the demo shopper (owner). */
  orgId: string;
}
interface RouteCase {
  who: Who;
  /** The URL to visit (dynamic segments filled from the records made once below). */
  url: string | ((ids: Ids) => string);
  /** Visit acting for the demo shopper's organisation (the tr_account context cookie). */
  inOrg?: boolean;
}

const ROUTES: Record<string, RouteCase> = {
  // Marketing, auth
  '/': { who: 'anon', url: '/' },
  '/pricing': { who: 'anon', url: '/pricing' },
  '/docs': { who: 'anon', url: '/docs' },
  '/privacy': { who: 'anon', url: '/privacy' },
  '/terms': { who: 'anon', url: '/terms' },
  '/support': { who: 'anon', url: '/support' },
  '/signin': { who: 'anon', url: '/signin' },
  '/forbidden': { who: 'demo', url: '/forbidden' },
  '/start': { who: 'demo', url: '/start' },
  // Shopper
  '/studio': { who: 'demo', url: '/studio' },
  '/studio/photos': { who: 'demo', url: '/studio/photos' },
  '/history': { who: 'demo', url: '/history' },
  '/history/[id]': { who: 'demo', url: (ids) => `/history/${ids.jobId}` },
  '/credits': { who: 'demo', url: '/credits' },
  '/credits/buy': { who: 'demo', url: '/credits/buy' },
  '/billing': { who: 'demo', url: '/billing' },
  '/billing/success': { who: 'demo', url: (ids) => `/billing/success?session_id=${ids.sessionId}` },
  // Development only: the production build answers its 404 page, which must fit too.
  '/billing/test-checkout/[sessionId]': {
    who: 'demo',
    url: (ids) => `/billing/test-checkout/${ids.sessionId}`,
  },
  '/account': { who: 'demo', url: '/account' },
  // Organisations
  '/org': { who: 'demo', url: '/org', inOrg: true },
  '/org/new': { who: 'demo', url: '/org/new' },
  '/org/dashboard': { who: 'demo', url: '/org/dashboard', inOrg: true },
  '/org/members': { who: 'demo', url: '/org/members', inOrg: true },
  '/org/settings': { who: 'demo', url: '/org/settings', inOrg: true },
  '/org/products': { who: 'demo', url: '/org/products', inOrg: true },
  '/invite/[token]': { who: 'demo', url: '/invite/an-invitation-token-that-does-not-exist' },
  // Storefront widget dialog: its refusal state here (an unknown key); the whole flow at
  // 390 px runs in e2e/widget-dialog.spec.ts and e2e/widget/storefront.spec.ts.
  '/embed/tryon': { who: 'anon', url: '/embed/tryon?key=pk_live_unknown&sku=none&vid=phone' },
  // Developers
  '/developers': { who: 'demo', url: '/developers' },
  '/developers/playground': { who: 'demo', url: '/developers/playground' },
  '/developers/webhooks': { who: 'demo', url: '/developers/webhooks' },
  // Admin
  '/admin': { who: 'admin', url: '/admin' },
  '/admin/analytics': { who: 'admin', url: '/admin/analytics' },
  '/admin/audit-logs': { who: 'admin', url: '/admin/audit-logs' },
  '/admin/jobs': { who: 'admin', url: '/admin/jobs' },
  '/admin/jobs/[id]': { who: 'admin', url: (ids) => `/admin/jobs/${ids.jobId}` },
  '/admin/ledger': { who: 'admin', url: '/admin/ledger' },
  '/admin/payments': { who: 'admin', url: '/admin/payments' },
  '/admin/payments/[id]': { who: 'admin', url: (ids) => `/admin/payments/${ids.paymentId}` },
  '/admin/prompts': { who: 'admin', url: '/admin/prompts' },
  '/admin/prompts/[type]': { who: 'admin', url: '/admin/prompts/top_only' },
  '/admin/support': { who: 'admin', url: '/admin/support' },
  '/admin/users': { who: 'admin', url: '/admin/users' },
  '/admin/users/[id]': { who: 'admin', url: (ids) => `/admin/users/${ids.demoUserId}` },
  '/admin/organizations': { who: 'admin', url: '/admin/organizations' },
  '/admin/organizations/[id]': {
    who: 'admin',
    url: (ids) => `/admin/organizations/${ids.orgId}`,
  },
};

/** Every page route in app/, as its URL pattern (route groups dropped). */
function pageRoutes(dir = 'app', prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name === 'api' && prefix === '') continue;
      const segment = /^\(.+\)$/.test(entry.name) ? '' : `/${entry.name}`;
      out.push(...pageRoutes(path.join(dir, entry.name), prefix + segment));
    } else if (entry.name === 'page.tsx') {
      out.push(prefix || '/');
    }
  }
  return out;
}

let made: Promise<Ids> | undefined;

/** The records the dynamic routes show, made once: the demo shopper's try-on and purchase. */
function ids(browser: Browser): Promise<Ids> {
  made ??= (async () => {
    const context = await browser.newContext({ storageState: AUTH_STATE.demo });
    const api = context.request;
    const res = await api.post('/api/v1/tryon', {
      multipart: {
        mode: 'top',
        user_image: { name: 'me.png', mimeType: 'image/png', buffer: await personPng() },
        top_image: { name: 'top.png', mimeType: 'image/png', buffer: await garmentPng('#0e7490') },
      },
    });
    expect(res.status(), await res.text()).toBe(202);
    const jobId = ((await res.json()) as { id: string }).id;
    await expect
      .poll(
        async () =>
          ((await (await api.get(`/api/v1/tryon/${jobId}`)).json()) as { status: string }).status,
        { timeout: 60_000 },
      )
      .toBe('completed');
    const checkout = await api.post('/api/v1/billing/checkout', { data: { credits: 300 } });
    expect(checkout.status(), await checkout.text()).toBe(200);
    const { checkout_session_id: sessionId } = (await checkout.json()) as {
      checkout_session_id: string;
    };
    await completeCheckout(sessionId);
    const payments = (await (await api.get('/api/v1/billing/payments')).json()) as {
      data: Array<{ id: string }>;
    };
    const me = (await (await api.get('/api/account')).json()) as { id: string };
    const org = await api.post('/api/orgs', {
      data: { name: 'Phone Check Shop', slug: `phone-check-${Date.now().toString(36)}` },
    });
    expect(org.ok(), await org.text()).toBe(true);
    const orgJson = (await org.json()) as { id?: string; organization?: { id: string } };
    const orgId = orgJson.organization?.id ?? orgJson.id ?? '';
    await context.close();
    return { jobId, sessionId, paymentId: payments.data[0]?.id ?? '', demoUserId: me.id, orgId };
  })();
  return made;
}

interface Measure {
  overflow: number;
  small: string[];
}

/** Sideways overflow of the page, and the buttons/links in <main> smaller than 44×44 px. */
function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    const main = document.querySelector('main') ?? document.body;
    const small: string[] = [];
    const targets = main.querySelectorAll<HTMLElement>(
      'a[href], button, [role="button"], [role="tab"], [role="radio"], summary',
    );
    for (const el of targets) {
      if (el.closest('[aria-hidden="true"], [hidden]')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const r = el.getBoundingClientRect();
      // Visually hidden (sr-only) or not rendered.
      if (r.width <= 2 || r.height <= 2) continue;
      // A link inside running text is exempt (WCAG 2.5.8's inline exception).
      if (el.tagName === 'A' && style.display === 'inline') continue;
      if (r.width < 43.5 || r.height < 43.5) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 40);
        small.push(
          `${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
      }
    }
    return { overflow, small };
  });
}

test.use({ viewport: { width: 390, height: 844 } });

test('every page route has an entry in this check', () => {
  const missing = pageRoutes().filter((r) => !(r in ROUTES));
  expect(missing, 'page routes with no overflow check').toEqual([]);
});

for (const who of ['anon', 'demo', 'admin'] as const) {
  test.describe(`as ${who}`, () => {
    if (who !== 'anon') test.use({ storageState: AUTH_STATE[who] });
    for (const [route, c] of Object.entries(ROUTES).filter(([, c]) => c.who === who)) {
      test(`${route} fits 390 px with 44 px tap targets`, async ({ page, browser }) => {
        test.setTimeout(120_000);
        // Signed-in pages are checked with the records in place (a card in History, a payment…).
        const records = who === 'anon' ? null : await ids(browser);
        const url = typeof c.url === 'string' ? c.url : c.url(records ?? (await ids(browser)));
        if (c.inOrg && records)
          await page
            .context()
            .addCookies([
              { name: 'tr_account', value: records.orgId, url: test.info().project.use.baseURL! },
            ]);
        await page.goto(url);
        await page.waitForLoadState('load');
        // Let client islands hydrate and lay out.
        await page.waitForTimeout(300);
        const m = await measure(page);
        const slug = route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
        await page.screenshot({ path: `e2e/screenshots/phone/${slug}.png` });
        expect
          .soft(m.overflow, `${url} is ${m.overflow} px wider than the 390 px screen`)
          .toBeLessThanOrEqual(0);
        expect.soft(m.small, `${url}: tap targets under 44×44 px`).toEqual([]);
      });
    }
  });
}
