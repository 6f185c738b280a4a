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
        'GET /api-keys',
        'POST /api-keys',
        'DELETE /api-keys/{id}',
        'POST /api-keys/{id}/regenerate',
        'GET /webhooks',
        'POST /webhooks',
        'GET /webhooks/{id}',
        'PATCH /webhooks/{id}',
        'DELETE /webhooks/{id}',
        'POST /webhooks/{id}/rotate-secret',
        'POST /webhooks/{id}/test',
        'GET /webhooks/{id}/deliveries',
        'POST /webhooks/{id}/deliveries/{deliveryId}/retry',
      ].sort(),
    );
    const schemas = doc.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['Error', 'CreditBalance', 'CreditTransactionPage']),
    );
    // The events we send, as OpenAPI 3.1 webhooks, with the signature headers.
    expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual(
      ['credits.low', 'payment.completed', 'tryon.completed', 'tryon.failed'].sort(),
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
});
