import { describe, expect, it } from 'vitest';
import { openApiDocument } from './document';

// OpenAPI links let schemathesis's stateful phase chain calls: create a job
// or an endpoint, then read, change and delete that very resource.

type Operation = {
  operationId?: string;
  parameters?: Array<{ name?: string; in?: string }>;
  responses?: Record<
    string,
    { links?: Record<string, { operationId?: string; parameters?: Record<string, string> }> }
  >;
};

function operations() {
  const doc = openApiDocument();
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries((item ?? {}) as Record<string, Operation>).map(([method, op]) => ({
      path,
      method,
      op,
    })),
  );
}

describe('OpenAPI links', () => {
  it('link POST /tryon and POST /webhooks to the operations on what they create', () => {
    const ops = operations();
    const byId = new Map(ops.filter((o) => o.op.operationId).map((o) => [o.op.operationId, o]));
    const linksOf = (method: string, path: string, status: string) =>
      ops.find((o) => o.method === method && o.path === path)?.op.responses?.[status]?.links ?? {};
    const tryon = linksOf('post', '/tryon', '202');
    const webhooks = linksOf('post', '/webhooks', '201');
    expect(
      Object.values(tryon)
        .map((l) => l.operationId)
        .sort(),
    ).toEqual(['deleteTryonJob', 'getTryonImage', 'getTryonJob', 'updateTryonJob']);
    expect(Object.keys(webhooks).length).toBeGreaterThanOrEqual(5);
    for (const link of [...Object.values(tryon), ...Object.values(webhooks)]) {
      const target = byId.get(link.operationId);
      // Every link names an operation that exists and takes the id from the created resource.
      expect(target, link.operationId).toBeDefined();
      expect(target?.path).toMatch(/\{id\}/);
      expect(link.parameters).toEqual({ id: '$response.body#/id' });
    }
  });

  it('gives operation ids only once', () => {
    const ids = operations()
      .map((o) => o.op.operationId)
      .filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
