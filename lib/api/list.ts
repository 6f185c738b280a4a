import { z } from 'zod';
import { isoDateSchema, toRange } from './shared-schemas';

/**
 * One path for filtered lists: the query pieces every list validates the
 * same way (pagination, keyset cursors, id params, date ranges), one
 * envelope builder, and one search-param parser for pages. Browser-safe
 * (zod only), so a page's filter form may use the same schemas.
 */

// ---- ids ---------------------------------------------------------------

/** A 24-hex-digit ObjectId string; `what` names it in the message ("must be a job id"). */
export function objectIdSchema(what = 'an id') {
  return z.string().regex(/^[0-9a-f]{24}$/i, `must be ${what}`);
}

/** The `{ id }` route parameter of a detail route. */
export function idParamSchema(what = 'an id') {
  return z.object({ id: objectIdSchema(what) });
}

// ---- pagination --------------------------------------------------------

export interface PaginationOptions {
  /** Page size when `limit` is absent (25 unless told). */
  defaultLimit?: number;
  /** Largest accepted `limit` (100 unless told). */
  maxLimit?: number;
}

/** An opaque keyset cursor: the `next_cursor` of an earlier page (base64url or hex). */
export const cursorSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be the next_cursor of a previous page');

/**
 * The shape of a paginated query: `page`/`limit` as every list takes today,
 * plus an optional keyset cursor (`starting_after` — the next page after
 * that cursor, `ending_before` — the page before it). Spread it into a
 * list's own `z.object({...})`, then wrap with `withPagination` to refuse
 * both cursors at once.
 */
export function paginationShape({ defaultLimit = 25, maxLimit = 100 }: PaginationOptions = {}) {
  return {
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    starting_after: cursorSchema.optional(),
    ending_before: cursorSchema.optional(),
  };
}

/** Pagination alone (a list without filters). */
export function paginationQuery(opts?: PaginationOptions) {
  return withPagination(z.object(paginationShape(opts)));
}
export type PaginationQuery = z.infer<ReturnType<typeof paginationQuery>>;

/** Refuses `starting_after` together with `ending_before` (400 on `ending_before`). */
export function withPagination<
  T extends z.ZodType<{ starting_after?: string; ending_before?: string }>,
>(schema: T): T {
  return schema.refine((q) => !(q.starting_after && q.ending_before), {
    message: 'give starting_after or ending_before, not both',
    path: ['ending_before'],
  });
}

/** How many rows to skip for an offset page. */
export function pageOffset(q: { page: number; limit: number }): number {
  return (q.page - 1) * q.limit;
}

// ---- date ranges -------------------------------------------------------

/** A closed range of instants; either end may be open. */
export interface DateRange {
  from?: Date;
  to?: Date;
}

/** The shape of a date-range filter: `date_from`/`date_to`, a date meaning the whole UTC day. */
export const dateRangeShape = {
  date_from: isoDateSchema.optional(),
  date_to: isoDateSchema.optional(),
};

/** `date_from`/`date_to` as a range: a bare date's start or end of the UTC day. */
export function toDateRange(q: { date_from?: string; date_to?: string }): DateRange {
  return {
    ...(q.date_from ? { from: toRange(q.date_from, 'start') } : {}),
    ...(q.date_to ? { to: toRange(q.date_to, 'end') } : {}),
  };
}

/** Refuses a `date_from` later than `date_to` (400 on `date_from`). */
export function withDateRange<T extends z.ZodType<{ date_from?: string; date_to?: string }>>(
  schema: T,
): T {
  return schema.refine(
    (q) => {
      const r = toDateRange(q);
      return !r.from || !r.to || r.from <= r.to;
    },
    { message: 'date_from must not be after date_to', path: ['date_from'] },
  );
}

/** A date-range query on its own, parsed to `{ from, to }`. */
export const dateRangeQuery = withDateRange(z.object(dateRangeShape)).transform(toDateRange);

/** A range as a MongoDB condition on one field (`{ $gte, $lte }`), or undefined when open at both ends. */
export function dateRangeCondition(range: DateRange): { $gte?: Date; $lte?: Date } | undefined {
  if (!range.from && !range.to) return undefined;
  return {
    ...(range.from ? { $gte: range.from } : {}),
    ...(range.to ? { $lte: range.to } : {}),
  };
}

// ---- the envelope ------------------------------------------------------

/** An offset page: what the admin lists return (and the public lists, plus `has_more`). */
export interface OffsetPage<T> {
  data: T[];
  page: number;
  limit: number;
  total: number;
}

/** A page that says whether another follows, and the cursor to fetch it (keyset lists). */
export interface ListEnvelope<T> {
  data: T[];
  has_more: boolean;
  next_cursor?: string | null;
  page?: number;
  limit?: number;
  total?: number;
}

interface EnvelopeInput {
  page?: number;
  limit: number;
  total?: number;
  /** When known from the query (a keyset query fetches limit + 1 rows); else computed from page/total. */
  hasMore?: boolean;
  /** The cursor of the next page; `null` when there is none. Left out when the list has no cursor. */
  nextCursor?: string | null;
}

/**
 * The one envelope builder. With page/total (offset lists) `has_more` is
 * `page × limit < total`; a keyset list passes `hasMore` and `nextCursor`.
 */
export function listEnvelope<T>(data: T[], input: EnvelopeInput): ListEnvelope<T> {
  const hasMore =
    input.hasMore ??
    (input.page !== undefined && input.total !== undefined
      ? input.page * input.limit < input.total
      : false);
  return {
    data,
    ...(input.page !== undefined ? { page: input.page } : {}),
    limit: input.limit,
    ...(input.total !== undefined ? { total: input.total } : {}),
    has_more: hasMore,
    ...(input.nextCursor !== undefined ? { next_cursor: hasMore ? input.nextCursor : null } : {}),
  };
}

/** An offset page as the admin lists send it: `{ data, page, limit, total }` (no more, no less). */
export function offsetPage<T>(
  data: T[],
  q: { page: number; limit: number },
  total: number,
): OffsetPage<T> {
  return { data, page: q.page, limit: q.limit, total };
}

/**
 * Builds a keyset page from `limit + 1` fetched rows: keeps `limit`, says
 * whether more follow, and the cursor of the last row kept.
 */
export function keysetEnvelope<R, T>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => string,
  map: (row: R) => T,
): ListEnvelope<T> {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return listEnvelope(kept.map(map), {
    limit,
    hasMore: rows.length > limit,
    nextCursor: last ? cursorOf(last) : null,
  });
}

// ---- pages -------------------------------------------------------------

/** What Next.js hands a page as `searchParams` (awaited). */
export type PageSearchParams = Record<string, string | string[] | undefined>;

/** A page's search params as a plain object: the first of repeated keys, empty values dropped. */
export function searchParamsObject(
  searchParams: PageSearchParams | URLSearchParams,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries =
    searchParams instanceof URLSearchParams
      ? [...searchParams.entries()]
      : Object.entries(searchParams);
  for (const [key, raw] of entries) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== '' && !(key in out)) out[key] = value;
  }
  return out;
}

export type ParsedSearchParams<T> =
  | { ok: true; query: T; values: Record<string, string> }
  | { ok: false; error: string; values: Record<string, string> };

/**
 * Parses a page's search params with a list's query schema. A page shows
 * the problem (a bad date, say) instead of throwing, so it gets the first
 * issue as text, and `values` to refill the filter form either way.
 */
export function parseSearchParams<S extends z.ZodType>(
  schema: S,
  searchParams: PageSearchParams | URLSearchParams,
): ParsedSearchParams<z.output<S>> {
  const values = searchParamsObject(searchParams);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, query: parsed.data, values };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, error: `${where}${issue?.message ?? 'invalid filter'}`, values };
}

/** A list URL with these params (empty ones left out), e.g. for filter links and pagination. */
export function listHref(
  path: string,
  params: Record<string, string | number | undefined>,
): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') sp.set(k, String(v));
  }
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}
