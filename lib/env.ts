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
    NEXTAUTH_SECRET: optionalString,
    NEXTAUTH_URL: optionalUrl,
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    /** Override of Google's OIDC issuer; tests point it at a local OIDC server. */
    GOOGLE_ISSUER: optionalUrl,
    DEV_LOGIN_ENABLED: bool,
    /** Signs short-lived image URLs; falls back to NEXTAUTH_SECRET. */
    ASSET_SIGNING_SECRET: optionalString,

    // Stripe
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    /** Points the Stripe SDK at stripe-mock in tests, e.g. http://127.0.0.1:12111 */
    STRIPE_API_URL: optionalUrl,

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
     * Development/test only: the local compositor waits this long before
     * answering, like a model would (progress stays visible). Ignored in production.
     */
    LOCAL_PROVIDER_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),

    // Inngest
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_BASE_URL: optionalUrl,
    INNGEST_DEV: optionalString,

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

    // Seed
    SEED_ADMIN_EMAIL: z.email().default('admin@trailroom.local'),
    SEED_DEMO_EMAIL: z.email().default('demo@trailroom.local'),
  })
  .superRefine((v, ctx) => {
    if (v.NODE_ENV !== 'production') return;
    const need = (key: keyof typeof v, why: string) => {
      if (!v[key])
        ctx.addIssue({ code: 'custom', path: [key], message: `required in production (${why})` });
    };
    need('NEXTAUTH_SECRET', 'signs session tokens');
    need('MONGODB_URI', 'no embedded database in production');
    if (v.NEXTAUTH_SECRET && v.NEXTAUTH_SECRET.length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_SECRET'],
        message: 'must be at least 32 characters',
      });
    }
    if (v.STRIPE_SECRET_KEY && !v.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_WEBHOOK_SECRET'],
        message: 'required when STRIPE_SECRET_KEY is set',
      });
    }
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

/** Dev sign-in can never be on in a production build, whatever the env says. */
export const devLoginEnabled = !isProduction && env.DEV_LOGIN_ENABLED;

/** Image URL fetches may reach loopback (and use http) only outside production. */
export const imageUrlAllowPrivate = !isProduction && env.IMAGE_URL_ALLOW_PRIVATE;

/** Webhook URLs may reach loopback/private networks (never metadata) only outside production. */
export const webhookAllowPrivate = !isProduction && env.WEBHOOK_ALLOW_PRIVATE_URLS;

/** A shortened webhook retry schedule exists only outside production. */
export const webhookRetryScale = isProduction ? 1 : env.WEBHOOK_RETRY_SCALE;

/** Simulated model latency of the local provider; never in production. */
export const localProviderDelayMs = isProduction ? 0 : env.LOCAL_PROVIDER_DELAY_MS;

/** The local test checkout stands in for Stripe only outside production. */
export const localCheckoutEnabled = !isProduction && !env.STRIPE_SECRET_KEY;

export const authSecret: string =
  env.NEXTAUTH_SECRET ?? 'trailroom-development-secret-not-for-production-use';

export const assetSigningSecret: string = env.ASSET_SIGNING_SECRET ?? `${authSecret}:assets`;

export type InngestMode = 'cloud' | 'dev' | 'inline';
export const inngestMode: InngestMode =
  env.INNGEST_BASE_URL || env.INNGEST_DEV
    ? 'dev'
    : env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY
      ? 'cloud'
      : 'inline';

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
