import { createHash, randomInt } from 'node:crypto';
import { API_KEY_KINDS, type ApiKeyKind } from '@/models/enums';

/**
 * Key kinds (docs/architecture.md "API keys"): `secret` keys act for their
 * owner and spend credits; `test` keys act in the separate test data space
 * (never charge, local provider, `livemode: false`); `publishable` keys
 * belong to organisations and only open widget try-ons from allowed origins.
 * A stored key without `kind` is a secret key (all keys before kinds were).
 */
export { API_KEY_KINDS, type ApiKeyKind };

export const API_KEY_PREFIXES: Record<ApiKeyKind, string> = {
  secret: 'tr_live_',
  test: 'tr_test_',
  publishable: 'pk_live_',
};

/** The secret-key prefix (kept for callers from before kinds). */
export const API_KEY_PREFIX = API_KEY_PREFIXES.secret;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Any well-formed key of any kind. */
export const API_KEY_PATTERN = /^(tr_live_|tr_test_|pk_live_)[0-9A-Za-z]{32}$/;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The kind a key's prefix names, or null for a malformed key. */
export function apiKeyKindOf(key: string): ApiKeyKind | null {
  if (!API_KEY_PATTERN.test(key)) return null;
  const kind = API_KEY_KINDS.find((k) => key.startsWith(API_KEY_PREFIXES[k]));
  return kind ?? null;
}

/** A stored key's kind (a document from before kinds has none: secret). */
export function storedKeyKind(doc: { kind?: string | null }): ApiKeyKind {
  return (API_KEY_KINDS as readonly string[]).includes(doc.kind ?? '')
    ? (doc.kind as ApiKeyKind)
    : 'secret';
}

/** `<prefix>` + 32 base62 characters from the CSPRNG (~190 bits). */
export function generateApiKey(kind: ApiKeyKind = 'secret'): {
  key: string;
  prefix: string;
  keyHash: string;
} {
  const start = API_KEY_PREFIXES[kind];
  let body = '';
  for (let i = 0; i < 32; i += 1) body += BASE62[randomInt(62)];
  const key = `${start}${body}`;
  return { key, prefix: key.slice(0, start.length + 4), keyHash: hashApiKey(key) };
}
