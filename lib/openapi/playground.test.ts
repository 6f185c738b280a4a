import { describe, expect, it } from 'vitest';
import { openApiDocument } from './document';
import { buildRequestUrl, curlCommand, playgroundOperations } from './playground';

const ops = playgroundOperations(openApiDocument());
const byId = (id: string) => {
  const op = ops.find((o) => o.id === id);
  if (!op) throw new Error(`no operation ${id}`);
  return op;
};

describe('playgroundOperations', () => {
  it('lists every operation of the document once, with a stable id', () => {
    const doc = openApiDocument();
    const expected = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter((m) => item?.[m])
        .map((m) => `${m}-${path}`),
    );
    expect(ops.map((o) => o.id)).toEqual(expected);
    expect(new Set(ops.map((o) => o.id)).size).toBe(ops.length);
  });

  it('describes the try-on submission: header, image fields and a sample body', () => {
    const op = byId('post-/tryon');
    expect(op.tag).toBe('Try-on');
    expect(op.sessionOnly).toBe(false);
    expect(op.fields).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    );
    expect(op.body?.imageFields).toEqual(['user_image', 'top_image', 'bottom_image']);
    const example = JSON.parse(op.body?.example ?? '{}') as Record<string, string>;
    // Required fields only; the mode is one of its enum values.
    expect(Object.keys(example).sort()).toEqual(['mode', 'top_image', 'user_image']);
    expect(['top', 'full']).toContain(example.mode);
    expect(example.user_image).toMatch(/pick a file/);
    expect(op.statuses).toEqual(expect.arrayContaining([202, 400, 401, 402, 422, 429]));
  });

  it('carries query parameters with their enums and defaults', () => {
    const op = byId('get-/tryon');
    expect(op.body).toBeUndefined();
    expect(op.fields.find((f) => f.name === 'status')).toMatchObject({
      in: 'query',
      required: false,
      enum: ['queued', 'processing', 'completed', 'failed', 'canceled'],
    });
    expect(op.fields.find((f) => f.name === 'limit')).toMatchObject({
      type: 'integer',
      default: '20',
    });
  });

  it('marks session-only operations and binary responses', () => {
    expect(byId('post-/api-keys').sessionOnly).toBe(true);
    expect(byId('get-/credits').sessionOnly).toBe(false);
    expect(byId('get-/tryon/{id}/image').binary).toBe(true);
    expect(byId('get-/tryon/{id}').binary).toBe(false);
    expect(byId('get-/tryon/{id}').fields).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    ]);
  });
});

describe('buildRequestUrl', () => {
  const op = byId('get-/tryon/{id}');

  it('substitutes and encodes path parameters', () => {
    expect(buildRequestUrl(op, { 'path.id': 'a b/../c' })).toBe('/api/v1/tryon/a%20b%2F..%2Fc');
  });

  it('refuses a missing path parameter with its name', () => {
    expect(() => buildRequestUrl(op, { 'path.id': '  ' })).toThrow('"id" is required');
  });

  it('keeps only non-empty query values', () => {
    expect(
      buildRequestUrl(byId('get-/tryon'), {
        'query.status': 'failed',
        'query.limit': '',
        'query.page': ' 2 ',
      }),
    ).toBe('/api/v1/tryon?page=2&status=failed');
  });
});

describe('curlCommand', () => {
  it('quotes for the shell and leaves the key variable to expand', () => {
    const cmd = curlCommand({
      origin: 'https://trailroom.example',
      method: 'post',
      url: '/api/v1/tryon',
      headers: { 'x-api-key': '$TRAILROOM_API_KEY', 'content-type': 'application/json' },
      body: `{"note":"it's"}`,
    });
    expect(cmd).toBe(
      [
        `curl -sS -X POST 'https://trailroom.example/api/v1/tryon'`,
        `-H "x-api-key: $TRAILROOM_API_KEY"`,
        `-H 'content-type: application/json'`,
        `--data '{"note":"it'\\''s"}'`,
      ].join(' \\\n  '),
    );
  });

  it('abbreviates a body carrying inline images', () => {
    const cmd = curlCommand({
      origin: 'http://localhost:3000',
      method: 'post',
      url: '/api/v1/tryon',
      headers: {},
      body: JSON.stringify({ user_image: 'A'.repeat(50_000) }),
    });
    expect(cmd.length).toBeLessThan(2200);
    expect(cmd).toMatch(/…'$/);
  });
});
