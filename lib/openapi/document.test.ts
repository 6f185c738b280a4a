import { describe, expect, it } from 'vitest';
import { openApiDocument } from './document';

describe('OpenAPI document', () => {
  it('describes every public route from the zod schemas, with the error envelope', () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
      Object.keys(item ?? {}).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(ops.sort()).toEqual(
      [
        'DELETE /tryon/{id}',
        'GET /billing/payments',
        'GET /credits',
        'GET /credits/transactions',
        'GET /tryon',
        'GET /tryon/{id}',
        'GET /tryon/{id}/image',
        'PATCH /tryon/{id}',
        'POST /billing/checkout',
        'POST /tryon',
        'POST /tryon/{id}/report',
        'GET /api-keys',
        'POST /api-keys',
        'DELETE /api-keys/{id}',
        'PATCH /api-keys/{id}',
        'POST /api-keys/{id}/regenerate',
        'GET /spend-cap',
        'PATCH /spend-cap',
        'GET /webhooks',
        'POST /webhooks',
        'GET /webhooks/{id}',
        'PATCH /webhooks/{id}',
        'DELETE /webhooks/{id}',
        'POST /webhooks/{id}/rotate-secret',
        'POST /webhooks/{id}/test',
        'GET /webhooks/{id}/deliveries',
        'POST /webhooks/{id}/deliveries/{deliveryId}/retry',
        'GET /products',
        'POST /products',
        'GET /products/{id}',
        'PATCH /products/{id}',
        'DELETE /products/{id}',
        'POST /products/import',
      ].sort(),
    );
    const schemas = doc.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['Error', 'CreditBalance', 'CreditTransactionPage']),
    );
    // The events we send, as OpenAPI 3.1 webhooks, with the signature headers.
    expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual(
      [
        'credits.low',
        'payment.completed',
        'tryon.completed',
        'tryon.failed',
        'widget.tryon.completed',
      ].sort(),
    );
    expect(JSON.stringify(doc.webhooks?.['tryon.completed'])).toContain('webhook-signature');
    expect(Object.keys(doc.paths?.['/webhooks']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '409', '422']),
    );
    const post = doc.paths?.['/tryon']?.post;
    const body = JSON.stringify(post?.requestBody);
    expect(body).toContain('user_image');
    expect(body).toContain('"mode"');
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(['202', '402', '413', '422', '429']),
    );
  });

  it('documents the answers every operation can give (auth, rate limit, body checks, ids)', () => {
    const doc = openApiDocument();
    for (const [path, item] of Object.entries(doc.paths ?? {}))
      for (const [method, op] of Object.entries(item ?? {})) {
        const o = op as {
          responses?: Record<string, { headers?: Record<string, { required?: boolean }> }>;
          requestBody?: unknown;
          parameters?: Array<{ in: string }>;
        };
        const statuses = Object.keys(o.responses ?? {});
        const where = `${method.toUpperCase()} ${path}`;
        expect(statuses, where).toEqual(expect.arrayContaining(['401', '403', '429']));
        expect(o.responses?.['429']?.headers?.['Retry-After']?.required, where).toBe(true);
        if (o.requestBody)
          expect(statuses, where).toEqual(expect.arrayContaining(['400', '413', '415']));
        if (o.parameters?.some((p) => p.in === 'path')) expect(statuses, where).toContain('404');
      }
  });

  it('says what the routes check: CSV ledger, bottom_image only for full, required bodies', () => {
    const doc = openApiDocument();
    const tx = doc.paths?.['/credits/transactions']?.get?.responses?.['200'] as {
      content: Record<string, unknown>;
    };
    expect(Object.keys(tx.content)).toEqual(['application/json', 'text/csv']);
    const post = doc.paths?.['/tryon']?.post?.requestBody as {
      required?: boolean;
      content: Record<string, { schema: Record<string, unknown> }>;
    };
    expect(post.required).toBe(true);
    // bottom_image: required for a full outfit (unless a catalog product is the garment), else refused.
    expect(post.content['application/json']?.schema).toMatchObject({
      allOf: expect.arrayContaining([
        expect.objectContaining({
          if: expect.objectContaining({ properties: { mode: { const: 'full' } } }),
          then: { required: ['bottom_image'] },
        }),
        {
          if: { properties: { mode: { not: { const: 'full' } } } },
          then: { not: { required: ['bottom_image'] } },
        },
      ]),
    });
    const checkout = doc.paths?.['/billing/checkout']?.post?.responses ?? {};
    expect(Object.keys(checkout)).toContain('503');
  });
});
