import { z } from 'zod';

export const MAX_ACTIVE_KEYS = 20;

export const createApiKeyBody = z
  .object({ name: z.string().trim().min(1, 'give the key a name').max(100) })
  .strict()
  .meta({ id: 'CreateApiKey' });

/** Any string: a malformed id answers 404 from the lookup, like a missing key (never 400). */
export const apiKeyIdParam = z.object({ id: z.string() });

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: 'The first characters of the key, for recognising it' }),
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
