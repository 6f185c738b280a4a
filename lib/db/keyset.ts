import { Types } from 'mongoose';
import { AppError } from '@/lib/errors';

/**
 * Keyset (cursor) pagination for newest-first listings on indexed fields.
 *
 * A cursor is the position of the last row of a page: the list's tag, the
 * sort value and the row's `_id`, as base64url JSON — opaque to clients, who
 * pass it back as `starting_after` (the rows after it) or `ending_before`
 * (the rows before it). A query with a cursor reads `limit + 1` rows from the
 * index (`{ owner, createdAt: -1 }` or `{ owner, seq }`) whatever the page
 * number, and rows inserted meanwhile never shift a later page.
 */

/** Which list a cursor belongs to: a cursor of one list is refused by another. */
export type KeysetList = 'tryon' | 'ledger' | 'deliveries' | 'widget_events' | 'products';

/** A position in a list sorted by (value desc, _id desc). */
export interface KeysetPosition {
  /** The sort value: a date (createdAt) or a number (ledger seq). */
  value: Date | number;
  /** The row's `_id` as a string (an ObjectId's hex, or a ledger id `<owner>:<seq>`). */
  id: string;
}

interface CursorJson {
  l: KeysetList;
  /** 'd' = date in ms since epoch, 'n' = number. */
  k: 'd' | 'n';
  v: number;
  i: string;
}

export function encodeCursor(list: KeysetList, pos: KeysetPosition): string {
  const json: CursorJson =
    pos.value instanceof Date
      ? { l: list, k: 'd', v: pos.value.getTime(), i: pos.id }
      : { l: list, k: 'n', v: pos.value, i: pos.id };
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
}

function invalidCursor(param: string): AppError {
  return new AppError(
    'invalid_cursor',
    `${param} is not a cursor of this list: pass the next_cursor of a previous page unchanged`,
    { details: { param } },
  );
}

/**
 * The position a cursor names, or 400 `invalid_cursor` (details.param names
 * the parameter) for anything that is not a cursor this list issued.
 */
export function decodeCursor(
  list: KeysetList,
  cursor: string,
  param = 'starting_after',
): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(param);
  }
  const c = parsed as Partial<CursorJson> | null;
  if (
    !c ||
    typeof c !== 'object' ||
    c.l !== list ||
    (c.k !== 'd' && c.k !== 'n') ||
    typeof c.v !== 'number' ||
    !Number.isFinite(c.v) ||
    typeof c.i !== 'string' ||
    c.i.length === 0 ||
    c.i.length > 100
  )
    throw invalidCursor(param);
  const value = c.k === 'd' ? new Date(c.v) : c.v;
  if (value instanceof Date && Number.isNaN(value.getTime())) throw invalidCursor(param);
  return { value, id: c.i };
}

/** The rows of a cursor page, and which way to read the index. */
export interface KeysetQuery {
  /** Extra conditions to AND with the list's own filter (empty for the first page). */
  filter: Record<string, unknown>;
  /** Sort for the read: newest first, or oldest first for `ending_before` (reverse the rows after). */
  sort: Record<string, 1 | -1>;
  /** True when the rows come back oldest first and must be reversed. */
  reversed: boolean;
}

/**
 * The filter and sort of a keyset page on `(field desc, _id desc)`. With
 * `idKind: 'objectId'` the `_id` is compared as an ObjectId; with `'none'`
 * the field alone orders the rows (it is unique per owner, like the ledger's
 * seq) and the id is not compared.
 */
export function keysetQuery(
  field: string,
  cursor: { startingAfter?: KeysetPosition; endingBefore?: KeysetPosition },
  idKind: 'objectId' | 'none' = 'objectId',
): KeysetQuery {
  const pos = cursor.startingAfter ?? cursor.endingBefore;
  const reversed = !cursor.startingAfter && Boolean(cursor.endingBefore);
  const dir = reversed ? 1 : -1;
  const sort: Record<string, 1 | -1> =
    idKind === 'none' ? { [field]: dir } : { [field]: dir, _id: dir };
  if (!pos) return { filter: {}, sort, reversed };
  const op = reversed ? '$gt' : '$lt';
  if (idKind === 'none') return { filter: { [field]: { [op]: pos.value } }, sort, reversed };
  if (!Types.ObjectId.isValid(pos.id) || !/^[0-9a-f]{24}$/i.test(pos.id))
    throw invalidCursor(reversed ? 'ending_before' : 'starting_after');
  const id = new Types.ObjectId(pos.id);
  return {
    filter: {
      $or: [{ [field]: { [op]: pos.value } }, { [field]: pos.value, _id: { [op]: id } }],
    },
    sort,
    reversed,
  };
}

/** Both cursor parameters decoded (at most one is set: lib/api/list's `withPagination` refuses both). */
export function decodeCursors(
  list: KeysetList,
  q: { starting_after?: string; ending_before?: string },
): { startingAfter?: KeysetPosition; endingBefore?: KeysetPosition } {
  return {
    ...(q.starting_after
      ? { startingAfter: decodeCursor(list, q.starting_after, 'starting_after') }
      : {}),
    ...(q.ending_before
      ? { endingBefore: decodeCursor(list, q.ending_before, 'ending_before') }
      : {}),
  };
}

/**
 * A keyset page from `limit + 1` rows read in the query's order: the rows
 * newest first, whether more follow in the direction of travel, and the
 * cursor to go on in that direction — the last (oldest) row for
 * `starting_after`, the first (newest) row for `ending_before`.
 */
export function keysetPage<R>(
  rows: R[],
  limit: number,
  reversed: boolean,
  positionOf: (row: R) => KeysetPosition,
  list: KeysetList,
): { rows: R[]; hasMore: boolean; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  if (reversed) kept.reverse();
  const edge = reversed ? kept[0] : kept.at(-1);
  return {
    rows: kept,
    hasMore: rows.length > limit,
    nextCursor: edge ? encodeCursor(list, positionOf(edge)) : null,
  };
}
