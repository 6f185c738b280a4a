import { AppError } from '@/lib/errors';

/** True when the request comes from a browser page of another origin than the app's. */
export function isForeignBrowserRequest(headers: Headers, appOrigin: string): boolean {
  const origin = headers.get('origin');
  if (origin !== null && origin !== appOrigin) return true;
  const site = headers.get('sec-fetch-site');
  return site === 'cross-site' || site === 'same-site';
}

/**
 * A secret or test key is never used from a browser page of another origin,
 * where anyone could read it (403 `secret_key_in_browser`), unless it was
 * created with `allowBrowser`. The app's own pages (the playground) are
 * same-origin; servers send no `Origin`.
 */
export function assertKeyUsableFrom(
  key: { allowBrowser?: boolean | null },
  headers: Headers,
  appOrigin: string,
): void {
  if (key.allowBrowser || !isForeignBrowserRequest(headers, appOrigin)) return;
  throw new AppError(
    'secret_key_in_browser',
    'Secret keys must not be used from a web page, where anyone can read them. Call the API from your server, or use a publishable key with the widget.',
  );
}
