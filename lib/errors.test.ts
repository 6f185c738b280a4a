import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, ERROR_STATUS, translateError } from './errors';

describe('translateError', () => {
  it('maps every AppError code to its status and the envelope', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      const t = translateError(new AppError(code as keyof typeof ERROR_STATUS, 'msg'));
      expect(t.status).toBe(status);
      expect(t.body).toEqual({ error: { code, message: 'msg' } });
    }
  });

  it('carries details and Retry-After', () => {
    const t = translateError(
      new AppError('rate_limited', 'slow down', { retryAfter: 7, details: { limit: 1 } }),
    );
    expect(t).toMatchObject({
      status: 429,
      retryAfter: 7,
      body: { error: { details: { limit: 1 } } },
    });
  });

  it('turns a ZodError into validation_error with the failing path', () => {
    const r = z.object({ mode: z.enum(['top', 'full']) }).safeParse({ mode: 'hat' });
    const t = translateError(r.error);
    expect(t.status).toBe(400);
    expect(t.body.error.code).toBe('validation_error');
    expect(t.body.error.message).toMatch(/^mode:/);
  });

  it('hides a malformed id as not_found and a duplicate key as conflict', () => {
    expect(translateError(Object.assign(new Error('x'), { name: 'CastError' })).status).toBe(404);
    expect(
      translateError(Object.assign(new Error('E11000'), { code: 11000 })).body.error.code,
    ).toBe('conflict');
  });

  it('never leaks the message of an unknown error', () => {
    const t = translateError(new Error('password=hunter2 at db.internal'));
    expect(t.status).toBe(500);
    expect(t.unexpected).toBe(true);
    expect(JSON.stringify(t.body)).not.toContain('hunter2');
  });
});
