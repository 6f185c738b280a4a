import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ROOT } from './tools.mjs';

/** Loads .env.local (if any) into process.env without overriding what is set. */
export function loadEnvLocal() {
  const file = path.join(ROOT, '.env.local');
  if (existsSync(file)) process.loadEnvFile(file);
}

/** A stable per-checkout development secret, kept in .data/ (ignored by git). */
export function devSecret() {
  const file = path.join(ROOT, '.data/dev-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
