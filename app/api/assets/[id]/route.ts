import { z } from 'zod';
import { apiRoute, queryObject } from '@/lib/api';
import { readImageForRequest } from '@/lib/api/read-image-for-request';
import { tryonImageQuerySchema } from '@/lib/tryon/schemas';

const query = z.object({
  exp: z.string().max(20).optional(),
  sig: z.string().max(100).optional(),
  /** A thumbnail 160, 320 or 640 px wide (the same widths as the try-on image). */
  w: tryonImageQuerySchema.shape.w,
});

// GET /api/assets/{id} — an image (or a ?w=160|320|640 thumbnail), for its owner or through a signed link
export const GET = apiRoute<{ id: string }, 'optional'>(
  { auth: 'optional', rateLimit: 'assets' },
  async ({ req, params, caller }) => {
    const { exp, sig, w } = query.parse(queryObject(req));
    return readImageForRequest({
      assetId: params.id,
      callerId: caller?.ownerId ?? null,
      personId: caller?.userId ?? null,
      exp,
      sig,
      ifNoneMatch: req.headers.get('if-none-match'),
      width: w,
    });
  },
);
