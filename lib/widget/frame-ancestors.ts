import { AppError } from '@/lib/errors';
import { resolveWidgetKeyOrThrow } from './widget-key';

/**
 * The origins that may frame the dialog for this key (its allowed origins),
 * or none for a key that is not an active publishable key of an active
 * organisation. The /embed pages' `frame-ancestors` comes from this.
 */
export async function frameAncestorsForKey(key: string | undefined): Promise<string[]> {
  try {
    return (await resolveWidgetKeyOrThrow(key)).allowedOrigins;
  } catch (err) {
    if (err instanceof AppError && err.code === 'widget_unavailable') return [];
    throw err;
  }
}
