import { describe, expect, it } from 'vitest';
import {
  API_KEY_PATTERN,
  apiKeyKindOf,
  generateApiKey,
  hashApiKey,
  storedKeyKind,
} from './hash-api-key';

describe('API key kinds', () => {
  it.each([
    ['secret', 'tr_live_'],
    ['test', 'tr_test_'],
    ['publishable', 'pk_live_'],
  ] as const)('a %s key starts with %s and is recognised by its prefix', (kind, start) => {
    const { key, prefix, keyHash } = generateApiKey(kind);
    expect(key.startsWith(start)).toBe(true);
    expect(key).toMatch(API_KEY_PATTERN);
    expect(key).toHaveLength(start.length + 32);
    expect(prefix).toBe(key.slice(0, start.length + 4));
    expect(keyHash).toBe(hashApiKey(key));
    expect(apiKeyKindOf(key)).toBe(kind);
  });

  it('generates a secret key by default', () => {
    expect(apiKeyKindOf(generateApiKey().key)).toBe('secret');
  });

  it.each(['tr_live_short', 'sk_live_' + 'a'.repeat(32), 'tr_test_' + 'a'.repeat(31) + '-', ''])(
    'refuses the malformed key %j',
    (key) => expect(apiKeyKindOf(key)).toBeNull(),
  );

  it('reads a stored key without a kind as secret', () => {
    expect(storedKeyKind({})).toBe('secret');
    expect(storedKeyKind({ kind: null })).toBe('secret');
    expect(storedKeyKind({ kind: 'test' })).toBe('test');
    expect(storedKeyKind({ kind: 'bogus' })).toBe('secret');
  });
});
