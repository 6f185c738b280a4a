'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { downscaleImage } from '@/components/tryon/downscale-image';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { api, ApiError, useApiAction } from '@/lib/client';
import { MAX_PRODUCT_IMAGES, type ProductView } from '@/lib/products/schemas';

type ImageItem =
  | { kind: 'existing'; id: string; url: string }
  | { kind: 'new'; key: string; blob: Blob; url: string; name: string };

const ACCEPT = 'image/jpeg,image/png,image/webp';

/** The field an API refusal names (`details.field`, or a validation error's first path). */
function fieldOf(failure: unknown): string | null {
  if (!(failure instanceof ApiError)) return null;
  const d = failure.details as unknown;
  if (d && typeof d === 'object' && 'field' in d) return String((d as { field: unknown }).field);
  if (Array.isArray(d) && d[0] && typeof d[0] === 'object' && 'path' in d[0])
    return String((d[0] as { path: unknown }).path).split('.')[0] ?? null;
  return null;
}

/**
 * Add or edit a product: SKU, name, category, the shop's page, family,
 * active, and 1–6 photos (picked files are downscaled in the browser; the
 * first photo is the one try-ons use). Sent as multipart to /api/v1/products.
 */
export function ProductFormDialog({
  product,
  onClose,
  onSaved,
}: {
  product: ProductView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [images, setImages] = useState<ImageItem[]>(() =>
    (product?.images ?? []).map((i) => ({
      kind: 'existing' as const,
      id: i.id,
      url: `${i.url}&w=160`,
    })),
  );
  const [imagesChanged, setImagesChanged] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const imagesId = useId();
  const urls = useRef(new Set<string>());

  useEffect(() => {
    const created = urls.current;
    return () => created.forEach((u) => URL.revokeObjectURL(u));
  }, []);

  const save = useApiAction(
    (form: FormData) =>
      product
        ? api<ProductView>(`/api/v1/products/${product.id}`, { method: 'PATCH', form })
        : api<ProductView>('/api/v1/products', { method: 'POST', form }),
    { fallback: 'Could not save the product.' },
  );
  const remove = useApiAction(
    () => api(`/api/v1/products/${product?.id ?? ''}`, { method: 'DELETE' }),
    { fallback: 'Could not delete the product.' },
  );
  const errorField = fieldOf(save.failure);
  const errorFor = (name: string) =>
    errorField && (errorField === name || errorField.startsWith(`${name}[`)) ? save.error : null;

  async function pick(files: FileList | null) {
    if (!files?.length) return;
    setPickError(null);
    const room = MAX_PRODUCT_IMAGES - images.length;
    if (files.length > room) setPickError(`A product has at most ${MAX_PRODUCT_IMAGES} photos.`);
    setPreparing(true);
    const added: ImageItem[] = [];
    for (const file of [...files].slice(0, Math.max(0, room))) {
      try {
        const prepared = await downscaleImage(file);
        urls.current.add(prepared.url);
        added.push({
          kind: 'new',
          key: prepared.url,
          blob: prepared.blob,
          url: prepared.url,
          name: file.name.replace(/\.[^.]+$/, '') + '.jpg',
        });
      } catch (err) {
        setPickError(err instanceof Error ? err.message : 'This file could not be read.');
      }
    }
    setPreparing(false);
    if (added.length) {
      setImages((list) => [...list, ...added]);
      setImagesChanged(true);
    }
    if (fileRef.current) fileRef.current.value = '';
  }

  function removeImage(index: number) {
    setImages((list) => list.filter((_, i) => i !== index));
    setImagesChanged(true);
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (images.length === 0) {
      setPickError('Add at least one photo of the garment.');
      return;
    }
    const data = new FormData(e.currentTarget);
    const form = new FormData();
    for (const key of ['sku', 'name', 'category', 'product_url', 'family'])
      form.set(key, String(data.get(key) ?? '').trim());
    form.set('active', data.get('active') === 'on' ? 'true' : 'false');
    if (!product || imagesChanged) {
      for (const image of images) {
        if (image.kind === 'existing') form.append('images', `asset:${image.id}`);
        else form.append('images', image.blob, image.name);
      }
    }
    if (!product) {
      // An empty optional field is simply not sent when creating.
      for (const key of ['product_url', 'family']) if (form.get(key) === '') form.delete(key);
    }
    if ((await save.run(form)) !== undefined) onSaved();
  }

  return (
    <DialogRoot open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={product ? `Edit ${product.sku}` : 'Add a product'}
        description="The first photo is the garment try-ons use: a clear, front-on shot on a plain background works best."
        className="w-[min(94vw,40rem)]"
      >
        <form onSubmit={(e) => void submit(e)} className="mt-4 space-y-4" noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="SKU" error={errorFor('sku')}>
              <Input name="sku" required maxLength={64} defaultValue={product?.sku ?? ''} />
            </Field>
            <Field label="Name" error={errorFor('name')}>
              <Input name="name" required maxLength={200} defaultValue={product?.name ?? ''} />
            </Field>
            <Field label="Category" error={errorFor('category')}>
              <Select name="category" defaultValue={product?.category ?? 'top'}>
                <option value="top">Top</option>
                <option value="bottom">Bottom</option>
                <option value="one_piece">One-piece (dress, jumpsuit)</option>
              </Select>
            </Field>
            <Field
              label="Family (optional)"
              hint="Sizes and colours of one garment share a family."
              error={errorFor('family')}
            >
              <Input name="family" maxLength={100} defaultValue={product?.family ?? ''} />
            </Field>
          </div>
          <Field label="Product page (optional)" hint="https://…" error={errorFor('product_url')}>
            <Input
              name="product_url"
              type="url"
              inputMode="url"
              maxLength={2048}
              defaultValue={product?.product_url ?? ''}
            />
          </Field>
          <label className="flex min-h-11 items-center gap-3 text-sm text-slate-900">
            <input
              type="checkbox"
              name="active"
              defaultChecked={product?.active ?? true}
              className="h-5 w-5 rounded border-slate-400"
            />
            Active: shoppers and the API can try it on
          </label>

          <fieldset
            aria-describedby={`${imagesId}-hint`}
            className={cn(
              '-m-2 space-y-2 rounded-lg border-2 border-dashed border-transparent p-2',
              dragging && 'border-brand-700 bg-brand-50',
            )}
            onDragOver={(e) => {
              if (![...e.dataTransfer.types].includes('Files')) return;
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void pick(e.dataTransfer.files);
            }}
          >
            <legend className="text-sm font-medium text-slate-900">
              Photos ({images.length} of {MAX_PRODUCT_IMAGES})
            </legend>
            <p id={`${imagesId}-hint`} className="text-xs text-slate-600">
              Drop photos here or add them: JPEG, PNG or WebP, at least 256 px; large photos are
              shrunk before upload.
            </p>
            {images.length > 0 && (
              <ul className="flex flex-wrap gap-3">
                {images.map((image, i) => (
                  <li key={image.kind === 'existing' ? image.id : image.key} className="w-24">
                    {/* eslint-disable-next-line @next/next/no-img-element -- a local preview or a signed API image */}
                    <img
                      src={image.url}
                      alt={`Photo ${i + 1}${i === 0 ? ' (used for try-ons)' : ''}`}
                      className="h-32 w-24 rounded-md border border-slate-200 bg-slate-50 object-cover"
                    />
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      className="mt-1 w-full"
                      onClick={() => removeImage(i)}
                    >
                      Remove<span className="sr-only"> photo {i + 1}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <input
              ref={fileRef}
              type="file"
              accept={ACCEPT}
              multiple
              tabIndex={-1}
              className="sr-only"
              aria-hidden
              data-testid="product-images-input"
              onChange={(e) => void pick(e.target.files)}
            />
            <Button
              type="button"
              variant="secondary"
              disabled={preparing || images.length >= MAX_PRODUCT_IMAGES}
              onClick={() => fileRef.current?.click()}
            >
              {preparing ? 'Preparing…' : 'Add photos'}
            </Button>
            {(pickError || errorFor('images')) && (
              <p role="alert" className="text-sm text-red-800">
                {pickError ?? errorFor('images')}
              </p>
            )}
          </fieldset>

          {save.error && !errorField && <Alert>{save.error}</Alert>}
          {remove.error && <Alert>{remove.error}</Alert>}
          {save.error && errorField && (
            <p className="sr-only" role="alert">
              {save.error}
            </p>
          )}

          <div className="flex flex-wrap items-center justify-between gap-2 pt-2">
            {product ? (
              <ConfirmDialog
                trigger={
                  <Button type="button" variant="ghost" className="text-red-800">
                    Delete product
                  </Button>
                }
                title={`Delete ${product.sku}?`}
                description="The product leaves the catalog and its SKU is free again. Try-ons made with it stay in history."
                action="Delete"
                onConfirm={() =>
                  void remove.run().then((r) => {
                    if (r !== undefined) onSaved();
                  })
                }
              />
            ) : (
              <span />
            )}
            <div className="flex gap-2">
              <Button type="button" variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={save.pending || preparing}>
                {save.pending ? 'Saving…' : product ? 'Save changes' : 'Add product'}
              </Button>
            </div>
          </div>
        </form>
      </DialogContent>
    </DialogRoot>
  );
}
