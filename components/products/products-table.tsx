'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { DataTable } from '@/components/ui/data-table';
import { api, useApiAction } from '@/lib/client';
import { categoryLabel, type ProductView } from '@/lib/products/schemas';

const COLUMNS = [
  { label: 'Image', srOnly: true },
  { label: 'SKU' },
  { label: 'Name' },
  { label: 'Category' },
  { label: 'Family' },
  { label: 'Active' },
  { label: 'Actions', srOnly: true },
] as const;

/** The product's first image as a 160 px thumbnail (the signed link takes `w`). */
export function thumbUrl(p: Pick<ProductView, 'images'>): string | null {
  const first = p.images[0];
  return first ? `${first.url}&w=160` : null;
}

/** On/off for one product: a switch for owners and admins, a label for members. */
function ActiveSwitch({
  product,
  canEdit,
  onChanged,
}: {
  product: ProductView;
  canEdit: boolean;
  onChanged: (active: boolean) => void;
}) {
  const [on, setOn] = useState(product.active);
  const toggle = useApiAction(
    (active: boolean) =>
      api<ProductView>(`/api/v1/products/${product.id}`, { method: 'PATCH', json: { active } }),
    { fallback: 'Could not change the product.' },
  );
  if (!canEdit) return <Badge tone={on ? 'success' : 'muted'}>{on ? 'Active' : 'Inactive'}</Badge>;

  async function flip() {
    const next = !on;
    setOn(next);
    if ((await toggle.run(next)) === undefined) setOn(!next);
    else onChanged(next);
  }

  return (
    <div>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={`Active: ${product.sku}`}
        disabled={toggle.pending}
        onClick={() => void flip()}
        className="group focus-visible:outline-brand-700 inline-flex min-h-11 min-w-11 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60"
      >
        <span
          aria-hidden
          className={cn(
            'relative inline-flex h-6 w-11 items-center rounded-full transition-colors',
            on ? 'bg-green-700' : 'bg-slate-400',
          )}
        >
          <span
            className={cn(
              'inline-block h-5 w-5 rounded-full bg-white shadow transition-transform',
              on ? 'translate-x-5.5' : 'translate-x-0.5',
            )}
          />
        </span>
      </button>
      {toggle.error && (
        <p role="alert" className="text-xs text-red-800">
          {toggle.error}
        </p>
      )}
    </div>
  );
}

/** The catalog table: thumbnail, SKU, name, category, family, active switch, edit. */
export function ProductsTable({
  products,
  canEdit,
  onEdit,
  onChanged,
}: {
  products: ProductView[];
  canEdit: boolean;
  onEdit: (p: ProductView) => void;
  /** A product was switched on or off (already saved). */
  onChanged: (p: ProductView, active: boolean) => void;
}) {
  return (
    // Wider than a phone: the table scrolls sideways inside its frame there, the page never does.
    <DataTable caption="Products" columns={COLUMNS} className="w-full min-w-[44rem]">
      {products.map((p) => {
        const thumb = thumbUrl(p);
        return (
          <tr key={p.id} data-testid={`product-row-${p.sku}`}>
            <td className="px-4 py-2">
              {thumb ? (
                // eslint-disable-next-line @next/next/no-img-element -- a signed, owner-scoped API image
                <img
                  src={thumb}
                  alt=""
                  width={48}
                  height={64}
                  loading="lazy"
                  className="h-16 w-12 rounded-md border border-slate-200 bg-slate-50 object-cover"
                />
              ) : (
                <span className="block h-16 w-12 rounded-md bg-slate-100" />
              )}
            </td>
            <td className="px-4 py-2 font-mono text-xs whitespace-nowrap text-slate-900">
              {p.sku}
            </td>
            <td className="min-w-40 px-4 py-2 text-slate-900">
              {p.product_url ? (
                <a
                  href={p.product_url}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="underline decoration-slate-300 underline-offset-2 hover:decoration-slate-700 max-sm:inline-flex max-sm:min-h-11 max-sm:items-center"
                >
                  {p.name}
                  <span className="sr-only"> (opens the shop’s page)</span>
                </a>
              ) : (
                p.name
              )}
            </td>
            <td className="px-4 py-2 whitespace-nowrap text-slate-700">
              {categoryLabel(p.category)}
            </td>
            <td className="px-4 py-2 text-slate-700">{p.family ?? '—'}</td>
            <td className="px-4 py-1">
              <ActiveSwitch
                key={`${p.id}:${p.active}`}
                product={p}
                canEdit={canEdit}
                onChanged={(active) => onChanged(p, active)}
              />
            </td>
            <td className="px-4 py-2 text-right">
              {canEdit && (
                <Button variant="secondary" size="sm" onClick={() => onEdit(p)}>
                  Edit<span className="sr-only"> {p.sku}</span>
                </Button>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
