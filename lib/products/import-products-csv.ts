import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { FetchImageUrlOptions } from '@/lib/images';
import type { ProductDoc } from '@/models/product';
import type { ProductCategory } from '@/models/enums';
import { createProduct } from './create-product';
import { findProductBySku } from './find-product-by-sku';
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  MAX_PRODUCT_IMAGES,
  REQUIRED_IMPORT_COLUMNS,
  productCategorySchema,
  productFamilySchema,
  productNameSchema,
  productUrlSchema,
  skuSchema,
  type ImportResult,
  type ImportRowError,
} from './schemas';
import { updateProduct } from './update-product';

export interface ImportProductsCsvOptions {
  /** The person importing (recorded on new products). */
  createdBy?: string;
  /** Rows applied at once (each may download images). */
  concurrency?: number;
  /** For the image downloads (tests allow a loopback server). */
  fetch?: FetchImageUrlOptions;
}

type Column = (typeof IMPORT_COLUMNS)[number];

/** A row that passed the checks, ready to apply. */
interface ValidRow {
  row: number;
  sku: string;
  name: string;
  category: ProductCategory;
  imageUrls: string[];
  productUrl: string | null;
  family: string | null;
  active: boolean | undefined;
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

function csvInvalid(message: string, details?: unknown): AppError {
  return new AppError('csv_invalid', message, details === undefined ? {} : { details });
}

/** Reads the file into rows of cells; 422 `csv_invalid` when it is not CSV at all. */
function readRows(input: Buffer | string): string[][] {
  try {
    return parse(input, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (err) {
    const line = (err as { lines?: unknown }).lines;
    throw csvInvalid(
      `The file could not be read as CSV${typeof line === 'number' ? ` (near line ${line})` : ''}: ${
        err instanceof Error ? err.message.replace(/^Invalid .*?: /, '') : 'parse error'
      }`,
    );
  }
}

/** Column name → index, from the header row; 422 when a required column is missing. */
function readHeader(header: string[]): Map<Column, number> {
  const index = new Map<Column, number>();
  header.forEach((raw, i) => {
    const name = raw
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if ((IMPORT_COLUMNS as readonly string[]).includes(name) && !index.has(name as Column))
      index.set(name as Column, i);
  });
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) {
    throw csvInvalid(
      `The header row must name the columns ${REQUIRED_IMPORT_COLUMNS.join(', ')}; missing: ${missing.join(', ')}`,
      { missing, columns: IMPORT_COLUMNS },
    );
  }
  return index;
}

/** Checks one row's cells; every problem is reported, not just the first. */
function checkRow(
  cells: string[],
  row: number,
  header: Map<Column, number>,
): { ok: true; value: ValidRow } | { ok: false; errors: ImportRowError[] } {
  const cell = (c: Column) => {
    const i = header.get(c);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const errors: ImportRowError[] = [];
  const rawSku = cell('sku');
  const skuForReport = rawSku === '' ? null : rawSku.slice(0, 64);
  const fail = (field: string, code: string, message: string) =>
    errors.push({ row, sku: skuForReport, field, code, message });
  const check = <T>(field: Column, schema: z.ZodType<T>, value: string): T | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const message = parsed.error.issues[0]?.message ?? 'is invalid';
    fail(field, value === '' ? 'required' : 'invalid', `${field} ${message}`);
    return undefined;
  };

  const sku = check('sku', skuSchema, rawSku);
  const name = check('name', productNameSchema, cell('name'));
  const category = check('category', productCategorySchema, cell('category'));
  const productUrl =
    cell('product_url') === '' ? null : check('product_url', productUrlSchema, cell('product_url'));
  const family =
    cell('family') === '' ? null : check('family', productFamilySchema, cell('family'));

  let active: boolean | undefined;
  const rawActive = cell('active').toLowerCase();
  if (TRUE.has(rawActive)) active = true;
  else if (FALSE.has(rawActive)) active = false;
  else if (rawActive !== '') fail('active', 'invalid', 'active must be true or false');

  // One or more image URLs, separated by `|` (or spaces).
  const imageUrls = cell('image_url')
    .split(/[\s|]+/)
    .filter(Boolean);
  if (imageUrls.length > MAX_PRODUCT_IMAGES) {
    fail('image_url', 'invalid', `image_url: at most ${MAX_PRODUCT_IMAGES} images per product`);
  }
  for (const url of imageUrls) {
    let ok = false;
    try {
      const u = new URL(url);
      ok = u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (!ok) {
      fail('image_url', 'invalid_url', `image_url “${url.slice(0, 100)}” is not an https URL`);
      break;
    }
  }

  if (errors.length || sku === undefined || name === undefined || category === undefined)
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      row,
      sku,
      name,
      category,
      imageUrls,
      productUrl: productUrl ?? null,
      family: family ?? null,
      active,
    },
  };
}

const sameList = (a: readonly string[] | undefined | null, b: readonly string[]) =>
  !!a && a.length === b.length && a.every((v, i) => v === b[i]);

/** The error of a row whose product could not be written, named by the field at fault. */
function rowError(row: ValidRow, err: unknown): ImportRowError {
  if (!(err instanceof AppError)) throw err;
  const field =
    err.code === 'sku_taken'
      ? 'sku'
      : typeof err.details === 'object' &&
          err.details !== null &&
          String((err.details as { field?: unknown }).field ?? '').startsWith('images')
        ? 'image_url'
        : 'row';
  const detailCode = (err.details as { code?: unknown } | undefined)?.code;
  return {
    row: row.row,
    sku: row.sku,
    field,
    code: typeof detailCode === 'string' ? detailCode : err.code,
    message:
      field === 'image_url' ? err.message.replace(/^images\[\d+\]: /, 'image_url: ') : err.message,
  };
}

type Outcome = 'created' | 'updated' | 'unchanged';

async function applyRow(
  orgId: string,
  row: ValidRow,
  opts: ImportProductsCsvOptions,
): Promise<Outcome> {
  const existing: ProductDoc | null = await findProductBySku(orgId, row.sku);
  if (!existing) {
    if (row.imageUrls.length === 0) {
      throw new AppError('validation_error', 'image_url: a new product needs at least one image', {
        details: { field: 'images', code: 'required' },
      });
    }
    await createProduct(orgId, {
      sku: row.sku,
      name: row.name,
      category: row.category,
      images: row.imageUrls,
      imageSourceUrls: row.imageUrls,
      ...(row.productUrl ? { productUrl: row.productUrl } : {}),
      ...(row.family ? { family: row.family } : {}),
      ...(row.active !== undefined ? { active: row.active } : {}),
      ...(opts.createdBy ? { createdBy: opts.createdBy } : {}),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    return 'created';
  }
  // An empty image_url keeps the images; the same URLs as last time fetch nothing.
  const imagesChange =
    row.imageUrls.length > 0 && !sameList(existing.imageSourceUrls, row.imageUrls);
  const changes = {
    ...(row.name !== existing.name ? { name: row.name } : {}),
    ...(row.category !== existing.category ? { category: row.category } : {}),
    ...((existing.productUrl ?? null) !== row.productUrl ? { productUrl: row.productUrl } : {}),
    ...((existing.family ?? null) !== row.family ? { family: row.family } : {}),
    ...(row.active !== undefined && row.active !== (existing.active !== false)
      ? { active: row.active }
      : {}),
    ...(imagesChange ? { images: row.imageUrls, imageSourceUrls: row.imageUrls } : {}),
  };
  if (Object.keys(changes).length === 0) return 'unchanged';
  await updateProduct(orgId, existing._id.toString(), {
    ...changes,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  return 'updated';
}

/**
 * Bulk import from CSV (header row; columns sku, name, category, image_url,
 * product_url, family, active). Idempotent: a row whose SKU exists updates
 * that product, and an unchanged row writes nothing. Valid rows are applied
 * and every refused one is reported `{ row, sku, field, code, message }`
 * (row as a spreadsheet counts, the header being row 1). A later row with
 * a SKU already seen in the file is refused as `duplicate`. Images are
 * downloaded through the SSRF-safe fetch and the intake pipeline.
 * At most 1 MB and 1,000 data rows (413 / 422 `csv_invalid` for the file).
 */
export async function importProductsCsv(
  orgId: string,
  input: Buffer | string,
  opts: ImportProductsCsvOptions = {},
): Promise<ImportResult> {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError('payload_too_large', 'The CSV file is larger than 1 MB', {
      details: { max_bytes: MAX_IMPORT_BYTES },
    });
  }
  const rows = readRows(input);
  const [headerRow, ...data] = rows;
  if (!headerRow) throw csvInvalid('The file is empty: it needs a header row and product rows');
  const header = readHeader(headerRow);
  if (data.length > MAX_IMPORT_ROWS) {
    throw csvInvalid(
      `The file has ${data.length} product rows; import at most ${MAX_IMPORT_ROWS} at a time`,
      { rows: data.length, max_rows: MAX_IMPORT_ROWS },
    );
  }

  const errors: ImportRowError[] = [];
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  data.forEach((cells, i) => {
    const row = i + 2;
    const checked = checkRow(cells, row, header);
    if (!checked.ok) {
      errors.push(...checked.errors);
      return;
    }
    const first = seen.get(checked.value.sku);
    if (first !== undefined) {
      errors.push({
        row,
        sku: checked.value.sku,
        field: 'sku',
        code: 'duplicate',
        message: `sku “${checked.value.sku}” is already on row ${first} of this file`,
      });
      return;
    }
    seen.set(checked.value.sku, row);
    valid.push(checked.value);
  });

  const counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0 };
  const failedRows = new Set(errors.map((e) => e.row));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < valid.length; i = next++) {
      const row = valid[i] as ValidRow;
      try {
        counts[await applyRow(orgId, row, opts)] += 1;
      } catch (err) {
        errors.push(rowError(row, err));
        failedRows.add(row.row);
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(opts.concurrency ?? 4, Math.max(1, valid.length)) }, worker),
  );
  errors.sort((a, b) => a.row - b.row);
  return {
    rows: data.length,
    ...counts,
    failed: failedRows.size,
    errors,
  };
}
