import { test, expect, type Page } from '@playwright/test';

/**
 * The Content-Security-Policy of pages: scripts run only with the per-request
 * nonce middleware.ts sets (no 'unsafe-inline'), and the app still hydrates
 * under it — no securitypolicyviolation while a page loads and becomes
 * interactive. Signed-out pages only, so the spec runs on any server.
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

test('pages send a nonce-based script policy without unsafe-inline, a fresh nonce each time', async ({
  request,
}) => {
  const first = await request.get('/');
  const second = await request.get('/');
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
      const radios = page.getByRole('radio');
      const pack =
        (await radios.nth(0).getAttribute('aria-checked')) === 'true'
          ? radios.nth(1)
          : radios.nth(0);
      await expect(pack).toHaveAttribute('aria-checked', 'false');
      await pack.click();
      await expect(pack).toHaveAttribute('aria-checked', 'true');
    }
    if (path === '/signin') {
      // The sign-in buttons are enabled only once React has hydrated the page.
      const button = page.getByRole('button', { name: /^Sign in with/ }).first();
      if ((await button.count()) > 0) await expect(button).toBeEnabled();
    }
    expect(await violations()).toEqual([]);
  });
}
