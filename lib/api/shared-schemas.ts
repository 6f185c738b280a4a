import { z } from 'zod';

/**
 * Pieces several edges validate the same way: date filters (a date means the
 * whole UTC day) and the reason an admin gives for an action.
 */

/** A date (`2026-11-22`) or a date-time with offset. */
export const isoDateSchema = z.iso.date().or(z.iso.datetime({ offset: true }));

/** A bare date means the whole UTC day. */
export function toRange(value: string, edge: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`);
  }
  return new Date(value);
}

/** Refuses a `date_from` later than `date_to` (400 on `date_from`). */
export function withOrderedDateRange<T extends z.ZodType<{ date_from?: string; date_to?: string }>>(
  schema: T,
): T {
  return schema.refine(
    (q) => !q.date_from || !q.date_to || toRange(q.date_from, 'start') <= toRange(q.date_to, 'end'),
    { message: 'date_from must not be after date_to', path: ['date_from'] },
  );
}

/** Why an admin did something: recorded in the audit log. */
export const adminReasonSchema = z
  .string()
  .trim()
  .min(5, 'give a reason of at least 5 characters')
  .max(500);

/**
 * A public API query string as its zod schema sees it: every parameter,
 * empty ones included, so `?mode=` or `?cursor=` is refused (400) as the
 * OpenAPI document promises rather than silently read as absent. (The
 * internal admin routes keep `queryObject`, which drops empty form fields.)
 */
export function apiQueryObject(req: {
  nextUrl: { searchParams: URLSearchParams };
}): Record<string, string> {
  return Object.fromEntries(req.nextUrl.searchParams.entries());
}
