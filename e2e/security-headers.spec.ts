import { createHash } from 'node:crypto';
import { test, expect, type Page } from '@playwright/test';
import { AUTH_STATE } from './support/accounts';

/**
 * The Content-Security-Policy of pages (middleware.ts). A prerendered page
 * (landing, pricing, docs, sign-in) is one HTML file for everyone: its inline
 * scripts run by their SHA-256 hashes and script files only from our origin.
 * A page rendered per request (the signed-in areas) runs scripts only with
 * that request's nonce. Neither allows 'unsafe-inline' for scripts, and the app
 * still hydrates under both — no securitypolicyviolation while a page loads
 * and becomes interactive.
 */

function directives(csp: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
      fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  return async () => [
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    )),
    ...fromConsole,
  ];
}

test('static pages allow exactly their own inline scripts by hash, the same policy every time', async ({
  request,
}) => {
  for (const path of ['/', '/pricing', '/docs', '/signin']) {
    const first = await request.get(path);
    const second = await request.get(path);
    const csp = first.headers()['content-security-policy'];
    const script = directives(csp).get('script-src') ?? [];
    expect(script, `${path}: ${csp}`).toContain("'self'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(script.some((s) => s.startsWith("'nonce-"))).toBe(false);
    expect(directives(csp).get('object-src')).toEqual(["'none'"]);
    expect(directives(csp).get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(csp).get('base-uri')).toEqual(["'self'"]);
    // One HTML file for everyone: the same policy on every request.
    expect(second.headers()['content-security-policy']).toBe(csp);

    // Every inline script in the page is listed by its hash; script files are same-origin.
    const html = await first.text();
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1] ?? '')
      .filter((body) => body.length > 0);
    expect(inline.length, path).toBeGreaterThan(0);
    for (const body of inline) {
      const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
      expect(script, `${path}: inline script ${body.slice(0, 60)}…`).toContain(hash);
    }
    for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g))
      expect(src, path).toMatch(/^\/_next\/static\//);
  }
});

test.describe('pages rendered per request', () => {
  test.use({ storageState: AUTH_STATE.demo });
  test('send a nonce-based script policy without unsafe-inline, a fresh nonce each time', async ({
    request,
  }) => {
    const first = await request.get('/credits');
    const second = await request.get('/credits');
    const csp = first.headers()['content-security-policy'];
    const script = directives(csp).get('script-src') ?? [];
    const nonceSource = script.find((s) => s.startsWith("'nonce-"));
    expect(nonceSource, csp).toBeDefined();
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(directives(csp).get('object-src')).toEqual(["'none'"]);
    expect(directives(csp).get('frame-ancestors')).toEqual(["'none'"]);
    expect(second.headers()['content-security-policy']).not.toBe(csp);

    // Every script Next writes into the page carries this response's nonce.
    const nonce = nonceSource!.slice("'nonce-".length, -1);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  test('/credits hydrates with no CSP violation', async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto('/credits');
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });
});

test('an injected inline event handler does not run (the XSS the policy is for)', async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await page.goto('/pricing');
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = 1">';
    document.body.appendChild(box);
  });
  await expect.poll(violations).not.toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { __injected?: number }).__injected),
  ).toBeUndefined();
});

test('a missing page (404) hydrates with no CSP violation', async ({ page }) => {
  const violations = await recordViolations(page);
  const res = await page.goto('/no-such-page-here');
  expect(res?.status()).toBe(404);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('API routes get a static policy that runs nothing', async ({ request }) => {
  const res = await request.get('/api/health');
  const csp = directives(res.headers()['content-security-policy']);
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
});

for (const path of ['/', '/pricing', '/docs', '/signin']) {
  test(`${path} hydrates with no CSP violation`, async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    if (path === '/pricing') {
      // A client component reacts: choosing another pack checks it.
      const pack = page.getByRole('radio', { name: /(^|\s)5,000 credits/ });
      await expect(pack).not.toBeChecked();
      await pack.check();
      await expect(page.getByTestId('order-total')).toHaveText('$89.09');
    }
    if (path === '/signin') {
      // The sign-in buttons are enabled only once React has hydrated the page.
      const button = page.getByRole('button', { name: /^Sign in with/ }).first();
      if ((await button.count()) > 0) await expect(button).toBeEnabled();
    }
    expect(await violations()).toEqual([]);
  });
}
