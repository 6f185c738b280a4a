/**
 * The TrailRoom storefront widget — the source of public/embed.js (scripts/build-embed.mjs
 * bundles it; `npm run embed:build`). It runs on a shop's pages, so it has no dependencies,
 * adds one element only while the dialog is open, and never touches the page's styles:
 *
 *   <script src="https://<app>/embed.js" data-key="pk_live_…" async></script>
 *   <button data-trailroom-sku="TEE-01">Try it on</button>       (or TrailRoom.open({ sku }))
 *   TrailRoom.track('add_to_cart', { sku: 'TEE-01' })
 *
 * The dialog is an iframe of <app>/embed/tryon inside a shadow root; the host element's own
 * layout is pinned with inline `!important` declarations, which no page rule outranks. The
 * iframe talks back with postMessage (`trailroom:ready`, `trailroom:close`,
 * `trailroom:completed`), accepted only from the app's origin and that iframe.
 */

interface OpenOptions {
  sku: string;
}

interface TrailRoomApi {
  version: string;
  open(options: OpenOptions): void;
  close(): void;
  track(type: string, data: { sku: string }): Promise<boolean>;
}

type FrameMessage =
  | { type: 'trailroom:ready' }
  | { type: 'trailroom:close' }
  | { type: 'trailroom:completed'; job_id?: string; sku?: string };

const VERSION = '1';
const VID_KEY = 'trailroom_vid';
/** How long the dialog waits for the iframe to say it is ready before saying it is unavailable. */
const READY_TIMEOUT_MS = 15_000;

const DIALOG_CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; background: rgba(17, 24, 39, 0.6); }
.panel {
  position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%);
  width: min(480px, calc(100vw - 32px)); height: min(760px, calc(100vh - 48px));
  background: #fff; color: #111827; border-radius: 16px; overflow: hidden;
  box-shadow: 0 24px 64px rgba(0, 0, 0, 0.35);
  font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
}
iframe { display: block; width: 100%; height: 100%; border: 0; background: #fff; }
.close {
  position: absolute; top: 8px; right: 8px; z-index: 2; width: 44px; height: 44px;
  display: grid; place-items: center; border: 0; border-radius: 999px; cursor: pointer;
  background: rgba(255, 255, 255, 0.92); color: #111827; font: 600 24px/1 system-ui, sans-serif;
}
.close:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.close[hidden] { display: none; }
.status {
  position: absolute; inset: 0; z-index: 1; display: grid; place-items: center; padding: 24px;
  text-align: center; background: #fff; color: #374151;
}
.status[hidden] { display: none; }
.spinner {
  width: 32px; height: 32px; margin: 0 auto 12px; border-radius: 50%;
  border: 3px solid #e5e7eb; border-top-color: #111827; animation: spin 0.8s linear infinite;
}
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
.sentinel { position: absolute; width: 1px; height: 1px; overflow: hidden; }
@media (max-width: 640px) {
  .panel {
    top: 0; left: 0; transform: none; width: 100vw; height: 100vh; height: 100dvh;
    border-radius: 0;
  }
}
`;

/** The host element's layout: inline and important, so page rules (even `* {…!important}`) lose. */
const HOST_STYLE: ReadonlyArray<[string, string]> = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['inset', '0'],
  ['z-index', '2147483647'],
  ['width', '100vw'],
  ['height', '100vh'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['pointer-events', 'auto'],
  ['contain', 'none'],
];

function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[data-key][src*="embed.js"]');
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes)
    out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[b & 63];
  return out;
}

let memoryVid: string | null = null;

/** The visitor id: random, kept for the tab's session in the shop's sessionStorage. */
function visitorId(): string {
  try {
    const stored = sessionStorage.getItem(VID_KEY);
    if (stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored;
    const fresh = randomId();
    sessionStorage.setItem(VID_KEY, fresh);
    return fresh;
  } catch {
    // Storage blocked (privacy settings, sandboxed page): one id for this page view.
    memoryVid ??= randomId();
    return memoryVid;
  }
}

/** A DOM element with attributes and children, without innerHTML (pages may enforce Trusted Types). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  children: Array<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * The dialog's styles as a constructed stylesheet (CSSOM, which a page's CSP `style-src` does
 * not govern), or a <style> element where constructed sheets are missing.
 */
function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(DIALOG_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(el('style', {}, [DIALOG_CSS]));
  }
}

function isFrameMessage(data: unknown): data is FrameMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('trailroom:')
  );
}

function install(): void {
  const w = window as Window & { TrailRoom?: TrailRoomApi };
  if (w.TrailRoom) return; // the script was included twice
  const script = ownScript();
  if (!script) return;
  const key = script.dataset.key ?? '';
  const app = new URL(script.src, location.href).origin;

  let host: HTMLElement | null = null;
  let frame: HTMLIFrameElement | null = null;
  let opener: HTMLElement | null = null;
  let readyTimer = 0;

  function onMessage(event: MessageEvent): void {
    if (event.origin !== app || !frame || event.source !== frame.contentWindow) return;
    if (!isFrameMessage(event.data)) return;
    const data = event.data;
    if (data.type === 'trailroom:ready') {
      window.clearTimeout(readyTimer);
      const root = host?.shadowRoot;
      const status = root?.querySelector<HTMLElement>('.status');
      if (status) status.hidden = true;
      // The dialog page has its own close button from now on (and sends trailroom:close).
      const closeButton = root?.querySelector<HTMLElement>('.close');
      if (closeButton) closeButton.hidden = true;
      // Focus is already in the frame unless it went astray.
      if (root?.activeElement !== frame) frame.focus();
    } else if (data.type === 'trailroom:close') {
      close();
    } else if (data.type === 'trailroom:completed') {
      document.dispatchEvent(
        new CustomEvent('trailroom:completed', {
          detail: { jobId: data.job_id ?? null, sku: data.sku ?? null },
        }),
      );
    }
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && host) {
      event.stopPropagation();
      close();
    }
  }

  function open(options: OpenOptions): void {
    const active = document.activeElement;
    openFor(options, active instanceof HTMLElement && active !== document.body ? active : null);
  }

  function openFor(options: OpenOptions, from: HTMLElement | null): void {
    const sku = String(options?.sku ?? '').trim();
    if (!sku || host) return;
    opener = from;

    const src = new URL('/embed/tryon', app);
    src.searchParams.set('key', key);
    src.searchParams.set('sku', sku);
    src.searchParams.set('vid', visitorId());

    host = document.createElement('trailroom-dialog');
    for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
    const root = host.attachShadow({ mode: 'open' });
    adoptStyles(root);
    const start = el('span', { class: 'sentinel', tabindex: '0' });
    const end = el('span', { class: 'sentinel', tabindex: '0' });
    const closeButton = el(
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Close try-on' },
      ['\u00d7'],
    );
    const message = el('p', {}, ['Loading the try-on\u2026']);
    const status = el('div', { class: 'status', role: 'status' }, [
      el('div', {}, [el('div', { class: 'spinner', 'aria-hidden': 'true' }), message]),
    ]);
    const iframe = el('iframe', {
      title: 'Virtual try-on',
      allow: 'camera',
      // The app learns which shop framed it from the Referer: send the origin whatever the page's policy.
      referrerpolicy: 'origin',
      src: src.href,
    });
    const backdrop = el('div', { class: 'backdrop' });
    root.append(
      backdrop,
      el(
        'div',
        { class: 'panel', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Virtual try-on' },
        [start, closeButton, status, iframe, end],
      ),
    );
    frame = iframe;

    closeButton.addEventListener('click', close);
    backdrop.addEventListener('click', close);
    // Tab and Shift+Tab stay in the dialog: the edges send focus round to the other end.
    start.addEventListener('focus', () => iframe.focus());
    end.addEventListener('focus', () => (closeButton.hidden ? iframe : closeButton).focus());
    host.addEventListener('keydown', onKeydown);
    window.addEventListener('message', onMessage);

    readyTimer = window.setTimeout(() => {
      const spinner = status.querySelector('.spinner');
      spinner?.remove();
      message.textContent = 'Try-on is unavailable right now. Please try again later.';
      // The frame never answered (refused, offline): the keyboard goes where Escape works.
      closeButton.focus();
    }, READY_TIMEOUT_MS);

    (document.body ?? document.documentElement).appendChild(host);
    // Focus goes into the frame now, so the dialog page can put it on its first heading when it
    // loads (moving focus into a frame later resets the frame's own focus to its body).
    iframe.focus();
  }

  function close(): void {
    if (!host) return;
    window.clearTimeout(readyTimer);
    window.removeEventListener('message', onMessage);
    host.remove();
    host = null;
    frame = null;
    const back = opener;
    opener = null;
    if (back?.isConnected) back.focus();
  }

  /**
   * Reports a shop event (`add_to_cart`) for the visitor. A beacon: it survives the page
   * navigating away (to the cart) and, as text/plain, needs no CORS preflight. Resolves whether
   * the browser queued it; the app answers 204, or refuses a key or origin it does not allow.
   */
  function track(type: string, data: { sku: string }): Promise<boolean> {
    const body = JSON.stringify({ key, type, sku: String(data?.sku ?? ''), vid: visitorId() });
    const url = `${app}/api/widget/events`;
    if (typeof navigator.sendBeacon === 'function')
      return Promise.resolve(navigator.sendBeacon(url, body));
    return fetch(url, {
      method: 'POST',
      body,
      keepalive: true,
      mode: 'cors',
      credentials: 'omit',
      headers: { 'content-type': 'text/plain' },
    }).then(
      (res) => res.ok,
      () => false,
    );
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const trigger = target?.closest<HTMLElement>('[data-trailroom-sku]');
    if (!trigger) return;
    event.preventDefault();
    openFor({ sku: trigger.dataset.trailroomSku ?? '' }, trigger);
  });

  w.TrailRoom = { version: VERSION, open, close, track };
}

install();

// A module (its names stay out of the global scope); the build wraps it in an IIFE.
export {};
