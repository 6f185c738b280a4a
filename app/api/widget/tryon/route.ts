import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api';
import { clientIp } from '@/lib/api/client-ip';
import { readBodyCapped } from '@/lib/api/read-body';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import {
  createWidgetTryon,
  MAX_WIDGET_PHOTO_BYTES,
  serializeWidgetTryon,
  widgetTryonFormSchema,
} from '@/lib/widget';

export const dynamic = 'force-dynamic';

// POST /api/widget/tryon — the storefront dialog's try-on: multipart `token`, `sku`, `photo`
export const POST = apiRoute({ auth: 'none', rateLimit: 'widgetRead' }, async ({ req }) => {
  const contentType = req.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data'))
    throw new AppError('unsupported_media_type', 'Send multipart/form-data');
  const body = await readBodyCapped(req, MAX_WIDGET_PHOTO_BYTES + 64 * 1024);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw new AppError('bad_request', 'The multipart body could not be parsed');
  }
  const { token, sku } = widgetTryonFormSchema.parse({
    token: form.get('token') ?? undefined,
    sku: form.get('sku') ?? undefined,
  });
  const photo = form.get('photo');
  if (!photo || typeof photo === 'string')
    throw new AppError('validation_error', 'Add a photo of yourself');
  const job = await createWidgetTryon({
    token,
    sku,
    photo: Buffer.from(await photo.arrayBuffer()),
    ip: clientIp(req.headers, env.TRUSTED_PROXY_HOPS),
  });
  return NextResponse.json(serializeWidgetTryon(job), { status: 202 });
});
