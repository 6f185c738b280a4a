import { createHmac, timingSafeEqual } from 'node:crypto';
import { assetSigningSecret } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * Short-lived capability URLs for one image: HMAC-SHA256 over
 * `<assetId>.<exp>` with ASSET_SIGNING_SECRET. Anyone holding the URL may
 * read that image until `exp` (unix seconds); nothing else is granted.
 */
export const DEFAULT_SIGNED_URL_TTL_SECONDS = 300;
const MAX_TTL_SECONDS = 7 * 24 * 3600;

function mac(assetId: string, exp: number): string {
  return createHmac('sha256', assetSigningSecret()).update(`${assetId}.${exp}`).digest('base64url');
}

/** Path (not absolute URL) of a signed image link: `/api/assets/<id>?exp=..&sig=..`. */
export function signImageUrl(
  assetId: string,
  ttlSeconds = DEFAULT_SIGNED_URL_TTL_SECONDS,
  now = Date.now(),
): string {
  const ttl = Math.min(Math.max(1, Math.floor(ttlSeconds)), MAX_TTL_SECONDS);
  const exp = Math.floor(now / 1000) + ttl;
  const sig = mac(assetId, exp);
  return `/api/assets/${encodeURIComponent(assetId)}?exp=${exp}&sig=${sig}`;
}

/**
 * Throws `forbidden` for a wrong or expired signature. The signature is
 * checked before expiry so that a forged link learns nothing from the message.
 * The text of the signature is compared, not its decoded bytes: the last of
 * 43 base64url characters carries two unused bits, so decoding would accept
 * four spellings of one signature.
 */
export function verifyImageSignature(
  assetId: string,
  exp: string | number,
  sig: string,
  now = Date.now(),
): void {
  const expNum = typeof exp === 'number' ? exp : /^\d{1,12}$/.test(exp) ? Number(exp) : NaN;
  const given = /^[A-Za-z0-9_-]{43}$/.test(sig) ? Buffer.from(sig, 'ascii') : null;
  if (
    !Number.isFinite(expNum) ||
    !given ||
    !timingSafeEqual(given, Buffer.from(mac(assetId, expNum), 'ascii'))
  ) {
    throw new AppError('forbidden', 'This image link is not valid');
  }
  if (expNum * 1000 < now) throw new AppError('forbidden', 'This image link has expired');
}
