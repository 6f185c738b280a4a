import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  dateRangeCondition,
  dateRangeQuery,
  dateRangeShape,
  idParamSchema,
  keysetEnvelope,
  listEnvelope,
  listHref,
  offsetPage,
  pageOffset,
  paginationQuery,
  paginationShape,
  parseSearchParams,
  searchParamsObject,
  toDateRange,
  withDateRange,
  withPagination,
} from './list';

describe('pagination query', () => {
  it('defaults page 1 and the list limit, coerces strings', () => {
    expect(paginationQuery().parse({})).toEqual({ page: 1, limit: 25 });
    expect(paginationQuery({ defaultLimit: 20 }).parse({ page: '3', limit: '50' })).toEqual({
      page: 3,
      limit: 50,
    });
    expect(pageOffset({ page: 3, limit: 50 })).toBe(100);
  });

  it('refuses a limit above the maximum and a page below 1', () => {
    expect(paginationQuery({ maxLimit: 50 }).safeParse({ limit: '51' }).success).toBe(false);
    expect(paginationQuery().safeParse({ page: '0' }).success).toBe(false);
  });

  it('takes one keyset cursor, not both, and only cursor-shaped text', () => {
    expect(paginationQuery().parse({ starting_after: 'abc_DEF-1' }).starting_after).toBe(
      'abc_DEF-1',
    );
    const both = paginationQuery().safeParse({ starting_after: 'a', ending_before: 'b' });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.path).toEqual(['ending_before']);
    expect(paginationQuery().safeParse({ starting_after: 'a b' }).success).toBe(false);
  });

  it('composes into a list query with its own filters', () => {
    const q = withPagination(
      withDateRange(
        z.object({
          status: z.enum(['a', 'b']).optional(),
          ...dateRangeShape,
          ...paginationShape(),
        }),
      ),
    );
    expect(q.parse({ status: 'a', date_from: '2026-01-02', page: '2' })).toEqual({
      status: 'a',
      date_from: '2026-01-02',
      page: 2,
      limit: 25,
    });
  });
});

describe('id params', () => {
  it('accepts a 24-hex id and names the record in the message', () => {
    expect(idParamSchema('a job id').parse({ id: '6f0000000000000000000001' })).toEqual({
      id: '6f0000000000000000000001',
    });
    const bad = idParamSchema('a job id').safeParse({ id: 'nope' });
    expect(bad.error?.issues[0]?.message).toBe('must be a job id');
  });
});

describe('date ranges', () => {
  it('a bare date covers the whole UTC day', () => {
    expect(dateRangeQuery.parse({ date_from: '2026-11-01', date_to: '2026-11-02' })).toEqual({
      from: new Date('2026-11-01T00:00:00.000Z'),
      to: new Date('2026-11-02T23:59:59.999Z'),
    });
  });

  it('keeps date-times as given and leaves open ends out', () => {
    expect(toDateRange({ date_from: '2026-11-01T10:00:00+02:00' })).toEqual({
      from: new Date('2026-11-01T08:00:00.000Z'),
    });
    expect(dateRangeQuery.parse({})).toEqual({});
  });

  it('refuses a start after the end, on date_from', () => {
    const r = dateRangeQuery.safeParse({ date_from: '2026-11-03', date_to: '2026-11-02' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['date_from']);
    // the same day at both ends is a one-day range
    expect(
      dateRangeQuery.safeParse({ date_from: '2026-11-02', date_to: '2026-11-02' }).success,
    ).toBe(true);
  });

  it('maps to a MongoDB condition, or nothing when open', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(dateRangeCondition({ from })).toEqual({ $gte: from });
    expect(dateRangeCondition({})).toBeUndefined();
  });
});

describe('envelope', () => {
  it('computes has_more from page and total', () => {
    expect(listEnvelope([1, 2], { page: 1, limit: 2, total: 5 })).toEqual({
      data: [1, 2],
      page: 1,
      limit: 2,
      total: 5,
      has_more: true,
    });
    expect(listEnvelope([5], { page: 3, limit: 2, total: 5 }).has_more).toBe(false);
  });

  it('carries a next_cursor only while more follow', () => {
    expect(listEnvelope([1], { limit: 1, hasMore: true, nextCursor: 'c1' })).toEqual({
      data: [1],
      limit: 1,
      has_more: true,
      next_cursor: 'c1',
    });
    expect(
      listEnvelope([1], { limit: 1, hasMore: false, nextCursor: 'c1' }).next_cursor,
    ).toBeNull();
  });

  it('builds a keyset page from limit + 1 rows', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = keysetEnvelope(
      rows,
      2,
      (r) => `cur_${r.id}`,
      (r) => r.id.toUpperCase(),
    );
    expect(page).toEqual({ data: ['A', 'B'], limit: 2, has_more: true, next_cursor: 'cur_b' });
    const last = keysetEnvelope(
      rows.slice(0, 2),
      2,
      (r) => r.id,
      (r) => r.id,
    );
    expect(last).toMatchObject({ has_more: false, next_cursor: null });
  });

  it('offset pages keep the admin shape exactly', () => {
    expect(offsetPage(['x'], { page: 2, limit: 10 }, 11)).toEqual({
      data: ['x'],
      page: 2,
      limit: 10,
      total: 11,
    });
  });
});

describe('page search params', () => {
  const schema = withDateRange(
    z.object({ action: z.string().optional(), ...dateRangeShape, ...paginationShape() }),
  );

  it('drops empty values, takes the first of repeated keys', () => {
    expect(searchParamsObject({ a: '', b: ['1', '2'], c: 'x', d: undefined })).toEqual({
      b: '1',
      c: 'x',
    });
    expect(searchParamsObject(new URLSearchParams('a=1&a=2&b='))).toEqual({ a: '1' });
  });

  it('parses with the list schema', () => {
    const r = parseSearchParams(schema, { action: 'user.', page: '2', date_to: '' });
    expect(r).toEqual({
      ok: true,
      query: { action: 'user.', page: 2, limit: 25 },
      values: { action: 'user.', page: '2' },
    });
  });

  it('reports the first problem with its field, and the values to refill the form', () => {
    const r = parseSearchParams(schema, { date_from: 'yesterday', action: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/^date_from: /);
      expect(r.values).toEqual({ date_from: 'yesterday', action: 'x' });
    }
  });

  it('builds list links without empty params', () => {
    expect(listHref('/admin/jobs', { user: 'a@b.c', status: '', page: 2 })).toBe(
      '/admin/jobs?user=a%40b.c&page=2',
    );
    expect(listHref('/admin/jobs', {})).toBe('/admin/jobs');
  });
});
