import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error';
import { formErrors } from './form-errors';

const schema = z.object({ name: z.string().min(2, 'too short'), tags: z.array(z.string()).min(1) });

describe('formErrors', () => {
  it('takes the first message per field of a zod failure', () => {
    const parsed = schema.safeParse({ name: 'x', tags: [] });
    expect(parsed.success).toBe(false);
    expect(formErrors(parsed.error)).toEqual({
      name: 'too short',
      tags: expect.stringContaining('1'),
    });
  });

  it("reads the route's validation_error envelope (zod issues in details)", () => {
    const err = new ApiError(400, 'validation_error', 'name: too short', [
      { path: 'name', message: 'too short' },
      { path: '', message: 'whole body' },
    ]);
    expect(formErrors(err)).toEqual({ name: 'too short', form: 'whole body' });
  });

  it('reads a fieldErrors envelope and ignores anything else', () => {
    const err = new ApiError(422, 'validation_failed', 'Invalid', {
      fieldErrors: { url: ['not https'] },
    });
    expect(formErrors(err)).toEqual({ url: 'not https' });
    expect(formErrors(new ApiError(500, 'internal', 'boom'))).toEqual({});
    expect(formErrors(new Error('x'))).toEqual({});
    expect(formErrors(null)).toEqual({});
  });
});
