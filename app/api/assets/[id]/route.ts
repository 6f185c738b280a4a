import { z } from 'zod';
import { apiRoute, queryObject } from '@/lib/api';
import { readImageForRequest } from '@/lib/storage';

const query = z.object({
  exp: z.string().max(20).optional(),
  sig: z.string().max(100).optional(),
});

// GET /api/assets/{id} — an image, for its owner or through a signed link
export const GET = apiRoute<{ id: string }, 'optional'>(
  { auth: 'optional', rateLimit: 'assets' },
  async ({ req, params, caller }) => {
    const { exp, sig } = query.parse(queryObject(req));
    return readImageForRequest({
      assetId: params.id,
      callerId: caller?.userId ?? null,
      exp,
      sig,
      ifNoneMatch: req.headers.get('if-none-match'),
    });
  },
);
