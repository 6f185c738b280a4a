import { AppError } from '@/lib/errors';
import {
  createTryonFormSchema,
  createTryonJsonSchema,
  idempotencyKeySchema,
} from '@/lib/tryon/schemas';
import {
  hashTryonRequest,
  type ImageSource,
  type TryonSubmission,
} from '@/lib/tryon/tryon-submission';
import { submissionGarments, type ResolveTryonProductFn } from '@/lib/tryon/tryon-product';
import { readBodyCapped } from './read-body';

/** Three images of at most 10 MB each, plus the form's own overhead. */
export const MAX_MULTIPART_BYTES = 31 * 1024 * 1024;
/** Base64 inflates by 4/3: three 10 MB images are ~40 MB of JSON. */
export const MAX_JSON_BYTES = 42 * 1024 * 1024;

async function fileValue(
  value: FormDataEntryValue | null,
): Promise<Uint8Array | string | undefined> {
  if (value === null) return undefined;
  if (typeof value === 'string') {
    // A text field is only ever a reference (`asset:<id>`, `sample:<id>`), which the
    // schema checks; base64 or a URL is not what the studio sends: refused precisely.
    if (/^(asset|sample):/.test(value)) return value;
    throw new AppError('validation_error', 'Image fields in a multipart request must be files');
  }
  return new Uint8Array(await value.arrayBuffer());
}

function samplesAndSeed(parsed: { samples: number; seed?: number | undefined }) {
  return { samples: parsed.samples, ...(parsed.seed !== undefined ? { seed: parsed.seed } : {}) };
}

function formImage(value: Uint8Array | string): ImageSource {
  if (typeof value !== 'string') return Buffer.from(value);
  const [ref, id = ''] = value.split(':') as ['asset' | 'sample', string];
  return { ref, id };
}

async function readMultipart(req: Request, contentType: string) {
  const body = await readBodyCapped(req, MAX_MULTIPART_BYTES);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw new AppError('bad_request', 'The multipart body could not be parsed');
  }
  const parsed = createTryonFormSchema.parse({
    mode: form.get('mode') ?? undefined,
    user_image: await fileValue(form.get('user_image')),
    top_image: await fileValue(form.get('top_image')),
    bottom_image: await fileValue(form.get('bottom_image')),
    samples: form.get('samples') ?? undefined,
    seed: form.get('seed') ?? undefined,
  });
  const images: TryonSubmission['images'] = {
    user: formImage(parsed.user_image),
    top: formImage(parsed.top_image),
    ...(parsed.bottom_image ? { bottom: formImage(parsed.bottom_image) } : {}),
  };
  return { mode: parsed.mode, images, ...samplesAndSeed(parsed) };
}

async function readJsonBody(req: Request, resolveProduct?: ResolveTryonProductFn) {
  const body = await readBodyCapped(req, MAX_JSON_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON');
  }
  const parsed = createTryonJsonSchema.parse(json);
  const { images, product } = await submissionGarments(parsed, resolveProduct);
  return {
    mode: parsed.mode,
    images,
    ...(product ? { product } : {}),
    ...samplesAndSeed(parsed),
  };
}

/**
 * Reads a try-on request: multipart from the studio or JSON from the API,
 * with the size caps (413), the content-type check (415) and field
 * validation (400). Images are decoded and checked later, by lib/images.
 */
export async function readTryonSubmission(
  req: Request,
  opts: { resolveProduct?: ResolveTryonProductFn } = {},
): Promise<TryonSubmission> {
  const contentType = req.headers.get('content-type') ?? '';
  const essence = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  let read: Pick<TryonSubmission, 'mode' | 'images' | 'samples' | 'seed'> &
    Pick<TryonSubmission, 'product'>;
  if (essence === 'multipart/form-data') read = await readMultipart(req, contentType);
  else if (essence === 'application/json') read = await readJsonBody(req, opts.resolveProduct);
  else {
    throw new AppError('unsupported_media_type', 'Send application/json or multipart/form-data', {
      details: { accepted: ['application/json', 'multipart/form-data'] },
    });
  }
  const rawKey = req.headers.get('idempotency-key');
  let idempotencyKey: string | undefined;
  if (rawKey !== null) {
    const key = idempotencyKeySchema.safeParse(rawKey);
    if (!key.success)
      throw new AppError(
        'validation_error',
        'Idempotency-Key: 1–255 printable ASCII characters without spaces',
      );
    idempotencyKey = key.data;
  }
  return {
    ...read,
    requestHash: hashTryonRequest(read.mode, read.images, read),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}
