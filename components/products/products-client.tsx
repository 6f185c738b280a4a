'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { listHref } from '@/lib/api/list';
import type { ProductView } from '@/lib/products/schemas';
import { CsvImportDialog } from './csv-import-dialog';
import { ProductFormDialog } from './product-form-dialog';
import { ProductsTable } from './products-table';

export interface ProductFilters {
  q?: string;
  category?: string;
  active?: string;
  family?: string;
}

const pageLink =
  'inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 sm:min-h-9';

/**
 * The catalog page's interactive part: filters (a GET form, so a filtered
 * view is a link), the table with its active switches, the add/edit dialog,
 * the CSV import and keyset paging. Changes refresh the server-rendered list.
 */
export function ProductsClient({
  products,
  canEdit,
  filters,
  olderCursor,
  newerCursor,
}: {
  products: ProductView[];
  canEdit: boolean;
  filters: ProductFilters;
  olderCursor: string | null;
  newerCursor: string | null;
}) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const [editing, setEditing] = useState<ProductView | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  // Switched on/off here, until the refreshed list says so too (the edit form opens with it).
  const [activeNow, setActiveNow] = useState<Record<string, boolean>>({});
  const current = (p: ProductView): ProductView => ({ ...p, active: activeNow[p.id] ?? p.active });
  const refresh = () => startTransition(() => router.refresh());
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form
          action="/org/products"
          method="get"
          role="search"
          aria-label="Filter products"
          className="flex flex-wrap items-end gap-2"
        >
          <div className="w-full sm:w-56">
            <Label htmlFor="products-q">SKU or name</Label>
            <Input
              id="products-q"
              name="q"
              type="search"
              defaultValue={filters.q ?? ''}
              className="max-sm:min-h-11"
            />
          </div>
          <div className="w-[calc(50%-0.25rem)] sm:w-36">
            <Label htmlFor="products-category">Category</Label>
            <Select
              id="products-category"
              name="category"
              defaultValue={filters.category ?? ''}
              className="max-sm:min-h-11"
            >
              <option value="">All</option>
              <option value="top">Top</option>
              <option value="bottom">Bottom</option>
              <option value="one_piece">One-piece</option>
            </Select>
          </div>
          <div className="w-[calc(50%-0.25rem)] sm:w-32">
            <Label htmlFor="products-active">Status</Label>
            <Select
              id="products-active"
              name="active"
              defaultValue={filters.active ?? ''}
              className="max-sm:min-h-11"
            >
              <option value="">All</option>
              <option value="true">Active</option>
              <option value="false">Inactive</option>
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {filtered && (
            <Link href="/org/products" className={pageLink}>
              Clear
            </Link>
          )}
        </form>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => setEditing('new')}>Add product</Button>
            <Button variant="secondary" onClick={() => setImporting(true)}>
              Import CSV
            </Button>
          </div>
        )}
      </div>

      <p aria-live="polite" className="sr-only">
        {refreshing ? 'Updating the list…' : ''}
      </p>

      {products.length === 0 ? (
        <EmptyState
          title={filtered ? 'No product matches these filters.' : 'No products yet.'}
          action={
            canEdit && !filtered ? (
              <Button onClick={() => setEditing('new')}>Add your first product</Button>
            ) : undefined
          }
        >
          {filtered
            ? 'Clear the filters to see the whole catalog.'
            : canEdit
              ? 'Add garments one by one or import a CSV file. Shoppers and the API can then try them on by SKU.'
              : 'The organisation’s owners and admins add the garments shoppers can try on.'}
        </EmptyState>
      ) : (
        <ProductsTable
          products={products}
          canEdit={canEdit}
          onEdit={(p) => setEditing(current(p))}
          onChanged={(p, active) => {
            setActiveNow((map) => ({ ...map, [p.id]: active }));
            refresh();
          }}
        />
      )}

      {(olderCursor || newerCursor) && (
        <nav aria-label="Pages" className="flex justify-end gap-2">
          {newerCursor && (
            <Link
              href={listHref('/org/products', { ...filters, ending_before: newerCursor })}
              className={pageLink}
              rel="prev"
            >
              Newer
            </Link>
          )}
          {olderCursor && (
            <Link
              href={listHref('/org/products', { ...filters, starting_after: olderCursor })}
              className={pageLink}
              rel="next"
            >
              Older
            </Link>
          )}
        </nav>
      )}

      {editing && (
        <ProductFormDialog
          product={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
      {importing && <CsvImportDialog onClose={() => setImporting(false)} onImported={refresh} />}
    </div>
  );
}
