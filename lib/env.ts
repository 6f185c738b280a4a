import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The one place that reads process.env (a lint rule forbids it elsewhere).
 * Every setting is validated once; a missing or malformed value stops start-up
 * with one message that names it. Secrets never leave this module except
 * through the typed `env` object, and `describeEnv()` reports only which
 * components are configured, never values.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const optionalUrl = optionalString.pipe(z.url().optional());

/** `gemini,openai`: an ordered list of image providers (lib/ai), without repeats. */
const providerList = optionalString.pipe(
  z
    .string()
    .optional()
    .transform((v) => (v ? [...new Set(v.split(',').map((p) => p.trim()))] : undefined))
    .pipe(
      z
        .array(z.enum(['local', 'gemini', 'openai']))
        .min(1)
        .optional(),
    ),
);

/** localhost, *.localhost, 127.0.0.0/8 or [::1]: reachable from this machine only. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

function isHttpsOrLoopback(url: string): boolean {
  return url.startsWith('https://') || isLoopbackUrl(url);
}

/**
 * How background jobs run. `dev`: the Inngest dev server (unsigned, never in
 * production). `cloud` / `self-hosted`: an Inngest server whose requests to
 * /api/inngest are signature-checked. `inline`: in this process.
 * INNGEST_BASE_URL alone never implies dev mode.
 */
export type InngestMode = 'cloud' | 'self-hosted' | 'dev' | 'inline';
export function resolveInngestMode(v: {
  INNGEST_DEV: boolean;
  JOBS_MODE?: 'inngest' | 'inline' | undefined;
  INNGEST_SIGNING_KEY?: string | undefined;
  INNGEST_BASE_URL?: string | undefined;
}): InngestMode {
  if (v.INNGEST_DEV) return 'dev';
  if (v.JOBS_MODE === 'inline') return 'inline';
  if (v.INNGEST_SIGNING_KEY) return v.INNGEST_BASE_URL ? 'self-hosted' : 'cloud';
  return 'inline';
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    APP_URL: z.url().default('http://localhost:3000'),
    LOG_LEVEL: z
      .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
      .default('info'),

    // Database: set by `npm run dev` / the test setup when not given explicitly.
    MONGODB_URI: optionalString,
    MONGODB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),

    // Auth
    /** Signs session tokens. No built-in fallback: the dev launcher, the e2e server and the test setup make one. */
    NEXTAUTH_SECRET: optionalString,
    /** Required in production, and https there unless it is a loopback address (a local production run). */
    NEXTAUTH_URL: optionalUrl,
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    /** Override of Google's OIDC issuer; tests point it at a local OIDC server. */
    GOOGLE_ISSUER: optionalUrl,
    /** Email-only development sign-in: only outside production AND with APP_URL on loopback. */
    DEV_LOGIN_ENABLED: bool,
    /** Signs short-lived image URLs; falls back to NEXTAUTH_SECRET. */
    ASSET_SIGNING_SECRET: optionalString,

    // Stripe
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    /** Points the Stripe SDK at stripe-mock in tests, e.g. http://127.0.0.1:12111 */
    STRIPE_API_URL: optionalUrl,
    /**
     * The local test checkout (free purchases through the signed-webhook path):
     * only when explicitly enabled, outside production, without STRIPE_SECRET_KEY
     * and with APP_URL on loopback. `npm run dev` and the tests turn it on.
     */
    LOCAL_CHECKOUT_ENABLED: bool,

    // Image models
    GEMINI_API_KEY: optionalString,
    GEMINI_BASE_URL: optionalUrl,
    GEMINI_IMAGE_MODEL: z.string().default('gemini-2.5-flash-image'),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalUrl,
    // gpt-image-1 (DESIGN.md's example) was shut down on 2026-10-23; the SDK names this successor.
    OPENAI_IMAGE_MODEL: z.string().default('gpt-image-2.5-sunburst'),
    AI_PROVIDER_TOP: z.enum(['local', 'gemini', 'openai']).optional(),
    AI_PROVIDER_FULL: z.enum(['local', 'gemini', 'openai']).optional(),
    /**
     * Provider failover per mode: an ordered, comma-separated list, e.g.
     * `gemini,openai`. A retryable outage of one moves the job to the next
     * (lib/ai/provider-chain.ts). Unset: the one provider chosen as above.
     */
    TRYON_PROVIDERS_TOP: providerList,
    TRYON_PROVIDERS_FULL: providerList,
    TRYON_PROVIDERS_ONE_PIECE: providerList,
    /**
     * Development/test only: the local compositor waits this long before
     * answering, like a model would (progress stays visible). Ignored in production.
     */
    LOCAL_PROVIDER_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),

    // Inngest
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    /** A self-hosted Inngest server (`inngest start`); requests from it are signature-checked like Cloud's. */
    INNGEST_BASE_URL: optionalUrl,
    /** The Inngest dev server (no signature checks): never in production. */
    INNGEST_DEV: bool,
    /**
     * `inline` runs the Inngest functions in this process (one instance, no
     * Inngest server). The default outside production when no signing key is
     * set; production refuses it unless set explicitly. `inngest` insists on
     * an Inngest server (Cloud or self-hosted).
     */
    JOBS_MODE: optionalString.pipe(z.enum(['inngest', 'inline']).optional()),

    // Edge
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For.
     * The client IP is the address that many hops from the right; 0 (default)
     * ignores the header (direct exposure), so a client cannot spoof its IP.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Where people can write for help (shown on /support); default support@<APP_URL host>. */
    SUPPORT_EMAIL: optionalString.pipe(z.email().optional()),
    /** Bearer token for operator endpoints (detailed /api/health). Unset: details for admins only. */
    OPS_TOKEN: optionalString.pipe(z.string().min(24).optional()),
    /**
     * Multiplies every rate-limit budget (requests per window). 1 (default) in
     * a deployment; the API contract run and load benchmarks of a local build
     * raise it so that they measure the API rather than its limiter.
     */
    RATE_LIMIT_SCALE: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce.number().int().min(1).max(10_000).default(1),
    ),
    /**
     * Where rate-limit buckets live: `memory` (default, per process) or
     * `mongodb` (the app database, shared by every instance; see lib/rate-limit.ts).
     */
    RATE_LIMIT_STORE: optionalString.pipe(z.enum(['memory', 'mongodb']).default('memory')),

    // Outgoing webhooks
    /** Development/test only: allow webhook URLs on loopback/private addresses. */
    WEBHOOK_ALLOW_PRIVATE_URLS: bool,
    /**
     * Development/test only: multiplies every wait of the webhook retry schedule
     * (e.g. 0.00001 runs the ~27-hour schedule in about a second). Ignored in production.
     */
    WEBHOOK_RETRY_SCALE: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce.number().positive().max(1).default(1),
    ),
    /**
     * Development/test only: image URLs (API `*_image` fields) may point at
     * loopback addresses over plain http, so tests can serve images locally.
     * Private, link-local and metadata addresses stay refused. Ignored in production.
     */
    IMAGE_URL_ALLOW_PRIVATE: bool,

    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),

    // Tracing (lib/telemetry). The OpenTelemetry exporter reads the standard
    // OTEL_* variables itself (headers, timeouts, compression); these decide
    // whether tracing starts at all: off unless an OTLP endpoint is set.
    /** OTLP/HTTP base URL (the exporter appends /v1/traces), e.g. http://otel-collector:4318 */
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
    /** Full OTLP/HTTP traces URL; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl,
    OTEL_SERVICE_NAME: z.string().default('trailroom'),
    /** `true` turns tracing off even with an endpoint set. */
    OTEL_SDK_DISABLED: bool,

    // Image storage (lib/storage)
    /**
     * Where new images' bytes go: `mongodb` (default, inside the asset document)
     * or `s3` (an S3-API bucket: AWS S3, R2, GCS interop, MinIO). Reads follow
     * each asset wherever it is; `npm run storage:migrate` moves existing ones.
     */
    STORAGE_DRIVER: optionalString.pipe(z.enum(['mongodb', 's3']).default('mongodb')),
    S3_BUCKET: optionalString,
    S3_REGION: optionalString.pipe(z.string().default('us-east-1')),
    /** A non-AWS endpoint (R2, MinIO, a local test server); unset for AWS S3. */
    S3_ENDPOINT: optionalUrl,
    /** Both or neither; neither uses the SDK's default chain (AWS_* variables, instance role). */
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    /** Path-style URLs (endpoint/bucket/key), which MinIO and most local servers need. */
    S3_FORCE_PATH_STYLE: bool,

    // Seed
    SEED_ADMIN_EMAIL: z.email().default('admin@trailroom.local'),
    SEED_DEMO_EMAIL: z.email().default('demo@trailroom.local'),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const jobs = resolveInngestMode(v);
    if (v.INNGEST_BASE_URL && !v.INNGEST_DEV && !v.INNGEST_SIGNING_KEY)
      issue(
        'INNGEST_BASE_URL',
        'needs INNGEST_SIGNING_KEY (a self-hosted Inngest server is signature-checked) or INNGEST_DEV=1 (the dev server)',
      );
    if (v.JOBS_MODE === 'inngest' && jobs === 'inline')
      issue('JOBS_MODE', 'inngest needs INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY');
    if ((jobs === 'cloud' || jobs === 'self-hosted') && !v.INNGEST_EVENT_KEY)
      issue('INNGEST_EVENT_KEY', 'required with INNGEST_SIGNING_KEY (sending events)');
    if (v.STRIPE_SECRET_KEY && !v.STRIPE_WEBHOOK_SECRET)
      issue('STRIPE_WEBHOOK_SECRET', 'required when STRIPE_SECRET_KEY is set');
    if (v.NEXTAUTH_SECRET && v.NEXTAUTH_SECRET.length < 32)
      issue('NEXTAUTH_SECRET', 'must be at least 32 characters');
    if (v.STORAGE_DRIVER === 's3' && !v.S3_BUCKET)
      issue('S3_BUCKET', 'required with STORAGE_DRIVER=s3');
    if (Boolean(v.S3_ACCESS_KEY_ID) !== Boolean(v.S3_SECRET_ACCESS_KEY))
      issue('S3_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
    if (v.NODE_ENV !== 'production') return;
    if (v.S3_ENDPOINT && !isHttpsOrLoopback(v.S3_ENDPOINT))
      issue('S3_ENDPOINT', 'must be https in production (http only on a loopback address)');
    if (!v.NEXTAUTH_SECRET)
      issue('NEXTAUTH_SECRET', 'required in production (signs session tokens)');
    if (!v.MONGODB_URI) issue('MONGODB_URI', 'required in production (no embedded database)');
    if (!v.NEXTAUTH_URL) issue('NEXTAUTH_URL', 'required in production (OAuth callbacks)');
    else if (!isHttpsOrLoopback(v.NEXTAUTH_URL))
      issue('NEXTAUTH_URL', 'must be https in production (http only on a loopback address)');
    if (!isHttpsOrLoopback(v.APP_URL))
      issue('APP_URL', 'must be https in production (http only on a loopback address)');
    if (v.INNGEST_DEV)
      issue('INNGEST_DEV', 'the Inngest dev server skips signature checks: never in production');
    else if (jobs === 'inline' && v.JOBS_MODE !== 'inline')
      issue(
        'JOBS_MODE',
        'production needs an Inngest server (INNGEST_SIGNING_KEY + INNGEST_EVENT_KEY, and INNGEST_BASE_URL when self-hosted), or JOBS_MODE=inline to run jobs in this one process',
      );
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // `next build` evaluates modules without runtime secrets: validate production
  // requirements at run time, not while collecting build output.
  const building = source.NEXT_PHASE === 'phase-production-build';
  const input = building ? { ...source, NODE_ENV: 'development' } : source;
  const result = schema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return building ? { ...result.data, NODE_ENV: 'production' } : result.data;
}

// eslint-disable-next-line no-restricted-properties -- the one sanctioned read
export const env: Env = parseEnv(process.env);

export const isProduction = env.NODE_ENV === 'production';

/** The support address: SUPPORT_EMAIL, else support@ the app's host (www. dropped). */
export const supportEmail: string =
  env.SUPPORT_EMAIL ?? `support@${new URL(env.APP_URL).hostname.replace(/^www\./, '')}`;

/**
 * Development conveniences need two independent switches: a non-production
 * NODE_ENV and an APP_URL on loopback (plus their own explicit setting), so a
 * staging box or `npm run dev` on a server never turns them on.
 */
export const appUrlIsLoopback = isLoopbackUrl(env.APP_URL);
const devOnly = !isProduction && appUrlIsLoopback;

/** Dev sign-in (email only): explicitly enabled, outside production, on loopback. */
export const devLoginEnabled = devOnly && env.DEV_LOGIN_ENABLED;

/** Image URL fetches may reach loopback (and use http) only in local development. */
export const imageUrlAllowPrivate = devOnly && env.IMAGE_URL_ALLOW_PRIVATE;

/** Webhook URLs may reach loopback/private networks (never metadata) only in local development. */
export const webhookAllowPrivate = devOnly && env.WEBHOOK_ALLOW_PRIVATE_URLS;

/** A shortened webhook retry schedule exists only in local development. */
export const webhookRetryScale = devOnly ? env.WEBHOOK_RETRY_SCALE : 1;

/** Simulated model latency of the local provider; local development only. */
export const localProviderDelayMs = devOnly ? env.LOCAL_PROVIDER_DELAY_MS : 0;

/** The local test checkout: explicitly enabled, no Stripe key, local development only. */
export const localCheckoutEnabled = devOnly && env.LOCAL_CHECKOUT_ENABLED && !env.STRIPE_SECRET_KEY;

// `next build` evaluates modules without runtime secrets: a random one stands
// in while building (nothing signed then outlives the build).
const buildSecret =
  // eslint-disable-next-line no-restricted-properties -- the one sanctioned read
  process.env.NEXT_PHASE === 'phase-production-build'
    ? randomBytes(32).toString('base64url')
    : undefined;

/**
 * The session-signing secret. There is no hard-coded fallback: the dev
 * launcher keeps a random one in .data/, tests generate one. Throws (naming
 * the variable) when a code path that signs or verifies sessions runs without it.
 */
export function authSecret(): string {
  const secret = env.NEXTAUTH_SECRET ?? buildSecret;
  if (!secret) throw new EnvError('NEXTAUTH_SECRET is not set (it signs session tokens)');
  return secret;
}

/** Signs short-lived image URLs; derived from the session secret unless set. */
export function assetSigningSecret(): string {
  return env.ASSET_SIGNING_SECRET ?? `${authSecret()}:assets`;
}

/** Signs storefront widget visitor tokens (lib/widget); derived from the session secret. */
export function widgetTokenSecret(): string {
  return `${authSecret()}:widget-visitor`;
}

export const inngestMode: InngestMode = resolveInngestMode(env);

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
}

/** The bucket for images, when S3_BUCKET is set (whatever STORAGE_DRIVER says: reads follow each asset). */
export function s3Settings(): S3Settings | null {
  if (!env.S3_BUCKET) return null;
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? {
          credentials: {
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          },
        }
      : {}),
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

/** What is configured, without values: safe for /api/health and logs. */
export function describeEnv() {
  return {
    nodeEnv: env.NODE_ENV,
    inngest: inngestMode,
    stripe: env.STRIPE_SECRET_KEY
      ? env.STRIPE_API_URL
        ? 'stripe-mock'
        : 'stripe'
      : 'local-checkout',
    providers: {
      gemini: Boolean(env.GEMINI_API_KEY),
      openai: Boolean(env.OPENAI_API_KEY),
      local: true,
    },
    googleSignIn: Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET),
    devLogin: devLoginEnabled,
  };
}
