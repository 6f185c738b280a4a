/**
 * Response security headers. Pure and free of Node-only modules: the edge
 * middleware builds the per-request page policy with it, next.config.ts the
 * static ones.
 */

/** Request header through which middleware hands the nonce to server components. */
export const NONCE_HEADER = 'x-nonce';

/** Two years, subdomains included (https://hstspreload.org's minimum is one year). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** 128 random bits, base64: a fresh one for every page request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * `frame-ancestors`: nobody may frame a page, except the storefront widget's
 * dialog (/embed), which its publishable key's allowed shop origins may frame.
 */
function frameAncestors(origins: readonly string[] | undefined): string {
  return origins && origins.length > 0
    ? `frame-ancestors ${origins.join(' ')}`
    : "frame-ancestors 'none'";
}

/** Every page's directives but script-src. */
function pageDirectives(https: boolean, ancestors?: readonly string[]): string[] {
  return [
    "style-src 'self' 'unsafe-inline'",
    // data:/blob: for client-side previews of the photos being uploaded.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://checkout.stripe.com",
    frameAncestors(ancestors),
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
}

/**
 * The policy of a page rendered per request. Scripts run only with this
 * request's nonce (Next puts it on its own inline and chunk scripts when it
 * finds it in the request's CSP header); 'strict-dynamic' lets those load
 * further chunks, and 'self' is only a fallback for browsers without CSP 3.
 * No 'unsafe-inline' for scripts. Styles keep 'unsafe-inline': Radix and
 * recharts set style attributes, which nonces cannot cover. Development adds
 * 'unsafe-eval' (React's dev tooling and HMR evaluate code).
 */
export function pageContentSecurityPolicy(opts: {
  nonce: string;
  dev: boolean;
  https: boolean;
  /** The widget dialog only: the shop origins that may frame it (default: none may). */
  frameAncestors?: readonly string[];
}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    ...pageDirectives(opts.https, opts.frameAncestors),
  ].join('; ');
}

/**
 * The policy of a prerendered (static) page: one HTML file for everyone, so no
 * nonce. Its inline scripts are allowed by their SHA-256 hashes (computed from
 * the built HTML, see static-page-hashes.ts) and script files only from our
 * own origin ('self': Next's chunks under /_next/static). Still no
 * 'unsafe-inline': an injected inline script or event handler does not run.
 * Same-origin responses that are not scripts cannot be run as one: every
 * response is sent with `X-Content-Type-Options: nosniff`.
 */
export function staticPageContentSecurityPolicy(opts: {
  scriptHashes: readonly string[];
  https: boolean;
}): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...opts.scriptHashes].join(' '),
    ...pageDirectives(opts.https),
  ].join('; ');
}

/**
 * For everything that is not a page (API answers, images, icons): nothing in
 * them may run or load anything, nor be framed.
 */
export const STATIC_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "img-src 'self'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
