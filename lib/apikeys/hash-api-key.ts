import { createHash, randomInt } from 'node:crypto';

export const API_KEY_PREFIX = 'tr_live_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const API_KEY_PATTERN = /^tr_live_[0-9A-Za-z]{32}$/;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** `tr_live_` + 32 base62 characters from the CSPRNG (~190 bits). */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  let body = '';
  for (let i = 0; i < 32; i += 1) body += BASE62[randomInt(62)];
  const key = `${API_KEY_PREFIX}${body}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 4), keyHash: hashApiKey(key) };
}
