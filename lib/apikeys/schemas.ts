import { z } from 'zod';

export const MAX_ACTIVE_KEYS = 20;

/** The most a key's daily credit cap can be (a sanity bound, not a product limit). */
export const MAX_DAILY_CREDIT_CAP = 10_000_000;

const dailyCreditCap = z.number().int().min(1).max(MAX_DAILY_CREDIT_CAP).meta({
  description:
    'Credits the key may spend per UTC day; a request that would pass it answers 402 spend_cap_reached. Omit (or null) for no cap.',
});

export const createApiKeyBody = z
  .object({
    name: z.string().trim().min(1, 'give the key a name').max(100),
    kind: z.enum(['secret', 'test', 'publishable']).default('secret').meta({
      description:
        '`secret` (tr_live_…) spends credits; `test` (tr_test_…) never charges, runs on the local preview provider and sees only test data (livemode false); `publishable` (pk_live_…, organisations only) opens the storefront widget from `allowed_origins`.',
    }),
    daily_credit_cap: dailyCreditCap.nullish(),
    allow_browser: z.boolean().optional().meta({
      description:
        'Secret and test keys: may be sent from web pages of other origins (default false: such a request answers 403 secret_key_in_browser). Only for keys meant to be seen by whoever can read that page.',
    }),
    allowed_origins: z.array(z.string().max(300)).max(20).optional().meta({
      description:
        'Publishable keys only (required there; any other kind with origins is refused 400): exact origins such as https://shop.example — https only in production',
    }),
  })
  .strict()
  .refine((b) => (b.kind === 'publishable') === (b.allowed_origins !== undefined), {
    path: ['allowed_origins'],
    message: 'required for a publishable key, and only for one',
  })
  .meta({ id: 'CreateApiKey' });

export const updateApiKeyBody = z
  .object({
    name: z.string().trim().min(1, 'give the key a name').max(100).optional(),
    daily_credit_cap: dailyCreditCap.nullable().optional(),
    allowed_origins: z
      .array(z.string().max(300))
      .max(20)
      .optional()
      .meta({ description: 'Publishable keys: replaces the allowed origins' }),
  })
  .strict()
  .meta({ id: 'UpdateApiKey' });

export type CreateApiKeyBody = z.infer<typeof createApiKeyBody>;
export type UpdateApiKeyBody = z.infer<typeof updateApiKeyBody>;

/** Any string: a malformed id answers 404 from the lookup, like a missing key (never 400). */
export const apiKeyIdParam = z.object({ id: z.string() });

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['secret', 'test', 'publishable']).meta({
      description: 'secret (tr_live_), test (tr_test_) or publishable (pk_live_, widget only)',
    }),
    livemode: z.boolean().meta({ description: 'False for test keys: they see only test data' }),
    prefix: z.string().meta({ description: 'The first characters of the key, for recognising it' }),
    daily_credit_cap: z.number().int().nullable(),
    allowed_origins: z.array(z.string()).optional().meta({
      description: 'Publishable keys: the exact shop origins the widget may run on',
    }),
    created_at: z.iso.datetime(),
    last_used_at: z.iso.datetime().nullable(),
    usage_count: z.number().int(),
    revoked_at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const createdApiKeySchema = apiKeySchema
  .extend({
    key: z.string().meta({ description: 'The full key. Shown once: only its SHA-256 is stored.' }),
  })
  .meta({ id: 'CreatedApiKey' });

export type ApiKeyView = z.infer<typeof apiKeySchema>;
