import { z } from 'zod';

/** At most this many allowed origins per publishable key. */
export const MAX_ALLOWED_ORIGINS = 20;

/**
 * One exact web origin as a browser sends it in `Origin`: scheme, host and a
 * port only when it is not the scheme's default — no path, query, wildcard or
 * credentials. `https:` only in production (`http:` is for local shops).
 * Returns the canonical form (lower-case host, default port dropped) or null.
 */
export function normalizeOrigin(value: string, opts: { production: boolean }): string | null {
  const trimmed = value.trim();
  if (!/^https?:\/\/[^/?#@\s*]+\/?$/i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && (opts.production || url.protocol !== 'http:')) return null;
  if (url.username || url.password) return null;
  if (!url.hostname || url.hostname.endsWith('.')) return null;
  return url.origin;
}

/** The allow-list of a publishable key: exact origins, de-duplicated, 1–20 of them. */
export function allowedOriginsSchema(opts: { production: boolean }) {
  return z
    .array(z.string().max(300))
    .min(1, 'add at least one origin, e.g. https://shop.example')
    .max(MAX_ALLOWED_ORIGINS, `at most ${MAX_ALLOWED_ORIGINS} origins`)
    .transform((list, ctx) => {
      const out: string[] = [];
      list.forEach((raw, i) => {
        const origin = normalizeOrigin(raw, opts);
        if (!origin) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: opts.production
              ? `"${raw}" is not an origin: use https://host or https://host:port, nothing after it`
              : `"${raw}" is not an origin: use https://host[:port] (http:// outside production)`,
          });
          return;
        }
        if (!out.includes(origin)) out.push(origin);
      });
      return out;
    });
}

/** The origin part of a `Referer` (or any URL), or null. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
