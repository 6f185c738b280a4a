import { AppError } from '@/lib/errors';
import {
  createProductBody,
  MAX_IMPORT_BYTES,
  productImageSource,
  updateProductBody,
  type CreateProductInput,
  type ProductImageSource,
  type UpdateProductInput,
} from '@/lib/products';
import { readBodyCapped } from './read-body';

/** Six images of at most 10 MB each, plus the form's own overhead. */
export const MAX_PRODUCT_MULTIPART_BYTES = 62 * 1024 * 1024;
/** Base64 inflates by 4/3: six 10 MB images are ~80 MB of JSON. */
export const MAX_PRODUCT_JSON_BYTES = 82 * 1024 * 1024;

function essenceOf(req: Request): { essence: string; contentType: string } {
  const contentType = req.headers.get('content-type') ?? '';
  return { contentType, essence: contentType.split(';')[0]?.trim().toLowerCase() ?? '' };
}

function unsupported(accepted: string[]): AppError {
  return new AppError('unsupported_media_type', `Send ${accepted.join(' or ')}`, {
    details: { accepted },
  });
}

async function formOf(req: Request, contentType: string, maxBytes: number): Promise<FormData> {
  const body = await readBodyCapped(req, maxBytes);
  try {
    return await new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw new AppError('bad_request', 'The multipart body could not be parsed');
  }
}

/** A multipart product form as the JSON body would be: text fields as they are, `images` as files or `asset:<id>`. */
async function formFields(form: FormData) {
  const fields: Record<string, unknown> = {};
  for (const key of ['sku', 'name', 'category', 'product_url', 'family']) {
    const v = form.get(key);
    if (typeof v === 'string') fields[key] = v;
  }
  const active = form.get('active');
  if (typeof active === 'string') fields.active = active === 'true' || active === 'on';
  const images = form.getAll('images');
  const files: Array<Buffer | string> = [];
  for (const entry of images) {
    if (typeof entry === 'string') {
      if (!/^asset:[0-9a-f]{24}$/.test(entry))
        throw new AppError('validation_error', 'images: text entries must be asset:<id>');
      files.push(entry);
    } else files.push(Buffer.from(await entry.arrayBuffer()));
  }
  return { fields, files, hasImages: images.length > 0 };
}

/** Placeholder strings let the shared schema count and check the image list; the bytes go on beside it. */
function withImagePlaceholders(fields: Record<string, unknown>, files: Array<Buffer | string>) {
  return { ...fields, images: files.map((f) => (typeof f === 'string' ? f : 'file')) };
}

/**
 * POST /products: JSON (images as base64, data: URI or https URL) or
 * multipart (text fields plus `images` files), validated by the same schema.
 */
export async function readCreateProduct(
  req: Request,
): Promise<Omit<CreateProductInput, 'createdBy'>> {
  const { essence, contentType } = essenceOf(req);
  if (essence === 'application/json') {
    const raw = await readBodyCapped(req, MAX_PRODUCT_JSON_BYTES);
    const body = createProductBody.parse(parseJson(raw));
    return {
      sku: body.sku,
      name: body.name,
      category: body.category,
      images: body.images.map(productImageSource),
      ...(body.product_url ? { productUrl: body.product_url } : {}),
      ...(body.family ? { family: body.family } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
    };
  }
  if (essence === 'multipart/form-data') {
    const form = await formOf(req, contentType, MAX_PRODUCT_MULTIPART_BYTES);
    const { fields, files } = await formFields(form);
    const body = createProductBody.parse({
      ...withImagePlaceholders(fields, files),
      ...(fields.product_url === '' ? { product_url: undefined } : {}),
      ...(fields.family === '' ? { family: undefined } : {}),
    });
    return {
      sku: body.sku,
      name: body.name,
      category: body.category,
      images: files.map(productImageSource),
      ...(body.product_url ? { productUrl: body.product_url } : {}),
      ...(body.family ? { family: body.family } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
    };
  }
  throw unsupported(['application/json', 'multipart/form-data']);
}

/** PATCH /products/{id}: the same two forms; in multipart an empty product_url or family clears it. */
export async function readUpdateProduct(req: Request): Promise<UpdateProductInput> {
  const { essence, contentType } = essenceOf(req);
  let body: ReturnType<typeof updateProductBody.parse>;
  let images: ProductImageSource[] | undefined;
  if (essence === 'application/json') {
    const raw = await readBodyCapped(req, MAX_PRODUCT_JSON_BYTES);
    body = updateProductBody.parse(parseJson(raw));
    images = body.images?.map(productImageSource);
  } else if (essence === 'multipart/form-data') {
    const form = await formOf(req, contentType, MAX_PRODUCT_MULTIPART_BYTES);
    const { fields, files, hasImages } = await formFields(form);
    body = updateProductBody.parse({
      ...(hasImages ? withImagePlaceholders(fields, files) : fields),
      ...(fields.product_url === '' ? { product_url: null } : {}),
      ...(fields.family === '' ? { family: null } : {}),
    });
    images = hasImages ? files.map(productImageSource) : undefined;
  } else throw unsupported(['application/json', 'multipart/form-data']);
  return {
    ...(body.sku !== undefined ? { sku: body.sku } : {}),
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.category !== undefined ? { category: body.category } : {}),
    ...(images ? { images } : {}),
    ...(body.product_url !== undefined ? { productUrl: body.product_url } : {}),
    ...(body.family !== undefined ? { family: body.family } : {}),
    ...(body.active !== undefined ? { active: body.active } : {}),
  };
}

/** POST /products/import: the CSV as `text/csv`, or the `file` field of a multipart form. 1 MB at most. */
export async function readProductCsv(req: Request): Promise<Buffer> {
  const { essence, contentType } = essenceOf(req);
  if (essence === 'text/csv') return readBodyCapped(req, MAX_IMPORT_BYTES);
  if (essence === 'multipart/form-data') {
    const form = await formOf(req, contentType, MAX_IMPORT_BYTES + 64 * 1024);
    const file = form.get('file');
    if (file === null || typeof file === 'string')
      throw new AppError('validation_error', 'file: attach the CSV file as the "file" field');
    if (file.size > MAX_IMPORT_BYTES)
      throw new AppError('payload_too_large', 'The CSV file is larger than 1 MB', {
        details: { max_bytes: MAX_IMPORT_BYTES },
      });
    return Buffer.from(await file.arrayBuffer());
  }
  throw unsupported(['text/csv', 'multipart/form-data']);
}

function parseJson(raw: Buffer): unknown {
  if (raw.byteLength === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON');
  }
}
