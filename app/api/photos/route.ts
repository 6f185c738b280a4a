import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiRoute } from '@/lib/api';
import { readBodyCapped } from '@/lib/api/read-body';
import { AppError } from '@/lib/errors';
import { listPhotos, savePhoto, savePhotoFormSchema, serializePhoto } from '@/lib/photos';

export const dynamic = 'force-dynamic';

/** One image of at most 10 MB plus the form's overhead. */
const MAX_BODY_BYTES = 11 * 1024 * 1024;
const formSchema = savePhotoFormSchema(z.instanceof(Uint8Array));

// GET /api/photos — the caller's saved photos, newest first
export const GET = apiRoute(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ caller }) => ({
    data: (await listPhotos(caller.userId)).map(serializePhoto),
  }),
);

// POST /api/photos — save a photo for later try-ons (multipart: image, retention)
export const POST = apiRoute(
  { auth: 'user', sessionOnly: true, personal: true, rateLimit: 'tryonCreate' },
  async ({ req, caller }) => {
    const contentType = req.headers.get('content-type') ?? '';
    if (!contentType.toLowerCase().startsWith('multipart/form-data'))
      throw new AppError('unsupported_media_type', 'Send multipart/form-data');
    const body = await readBodyCapped(req, MAX_BODY_BYTES);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), {
        headers: { 'content-type': contentType },
      }).formData();
    } catch {
      throw new AppError('bad_request', 'The multipart body could not be parsed');
    }
    const file = form.get('image');
    const { image, retention } = formSchema.parse({
      image: file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : undefined,
      retention: form.get('retention') ?? undefined,
    });
    const saved = await savePhoto({ userId: caller.userId, bytes: Buffer.from(image), retention });
    return NextResponse.json(serializePhoto(saved), { status: 201 });
  },
);
