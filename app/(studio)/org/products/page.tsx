import type { Metadata } from 'next';
import { ProductsClient } from '@/components/products/products-client';
import { Alert } from '@/components/ui/alert';
import { parseSearchParams, type PageSearchParams } from '@/lib/api/list';
import { requirePageUser } from '@/lib/auth/caller';
import { encodeCursor } from '@/lib/db/keyset';
import { can } from '@/lib/orgs/can';
import { listProducts, listProductsQuery, type ProductView } from '@/lib/products';
import { OrgPageFrame } from '../org-page-frame';

export const metadata: Metadata = { title: 'Products · Organisation' };
export const dynamic = 'force-dynamic';

const cursorOf = (p: ProductView) =>
  encodeCursor('products', { value: new Date(p.created_at), id: p.id });

/** The active organisation's product catalog: table, filters, add/edit, CSV import. */
export default async function OrgProductsPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const caller = await requirePageUser({ returnTo: '/org/products' });
  const parsed = parseSearchParams(listProductsQuery, await searchParams);
  return (
    <OrgPageFrame caller={caller} title="Products" what="product catalog">
      {async (account) => {
        const canEdit = can(account.role, 'products:manage');
        if (!parsed.ok)
          return (
            <Alert>
              This filter could not be read ({parsed.error}).{' '}
              <a href="/org/products" className="font-medium underline">
                Show all products
              </a>
            </Alert>
          );
        const q = parsed.query;
        const page = await listProducts(account.orgId, q);
        const first = page.data[0];
        const last = page.data.at(-1);
        // Keyset pages: older after the last row, newer before the first.
        const hasOlder = q.ending_before ? true : page.has_more;
        const hasNewer = q.starting_after ? true : q.ending_before ? page.has_more : false;
        const filters = {
          ...(q.q ? { q: q.q } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.active !== undefined ? { active: String(q.active) } : {}),
          ...(q.family ? { family: q.family } : {}),
        };
        return (
          <ProductsClient
            products={page.data}
            canEdit={canEdit}
            filters={filters}
            olderCursor={hasOlder && last ? cursorOf(last) : null}
            newerCursor={hasNewer && first ? cursorOf(first) : null}
          />
        );
      }}
    </OrgPageFrame>
  );
}
