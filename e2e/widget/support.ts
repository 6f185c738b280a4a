import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';

/** Helpers for the storefront widget specs (e2e/widget/). */

/** The app under test (the project's baseURL). */
export function appOrigin(): string {
  return new URL(test.info().project.use.baseURL ?? 'http://localhost:3100').origin;
}

/**
 * The demo shop the e2e server serves (scripts/e2e-server.mjs: E2E_PORT + 3000). Its key allows
 * `http://localhost:<port>`; `http://127.0.0.1:<port>` is the same shop on an origin it does not.
 */
export function demoShop(): { allowed: string; notAllowed: string } {
  const port = Number(new URL(appOrigin()).port) + 3000;
  return { allowed: `http://localhost:${port}`, notAllowed: `http://127.0.0.1:${port}` };
}

/** The widget's host element and its shadow root's parts, as Playwright locators (they pierce open shadow roots). */
export function widget(page: Page) {
  const host = page.locator('trailroom-dialog');
  return {
    host,
    dialog: host.getByRole('dialog', { name: 'Virtual try-on' }),
    close: host.getByRole('button', { name: 'Close try-on' }),
    iframe: host.locator('iframe'),
    frame: page.frameLocator('trailroom-dialog iframe'),
    status: host.locator('.status'),
  };
}

/** Where focus is, through the widget's shadow root: `host > BUTTON`, `host > IFRAME`, or the page element's tag. */
export function focusPath(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.tagName === 'TRAILROOM-DIALOG') {
      const inner = active.shadowRoot?.activeElement;
      return `host > ${inner?.tagName ?? 'none'}`;
    }
    return active?.id ? `#${active.id}` : (active?.tagName ?? 'none');
  });
}

export async function expectClosed(page: Page): Promise<void> {
  await expect(page.locator('trailroom-dialog')).toHaveCount(0);
}

/**
 * A throw-away shop on a loopback origin (`http://127.0.0.1:<free port>`): pages served from a
 * public-looking address may not load scripts from a loopback app (Chromium's Private Network
 * Access), so a real local server plays the shop. `pages` maps a path to its HTML.
 */
export async function startShop(
  pages: Record<string, string>,
): Promise<{ origin: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://shop').pathname];
    if (html === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
