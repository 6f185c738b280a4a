import { apiRoute } from '@/lib/api';
import { readProductCsv } from '@/lib/api/read-product-body';
import { importProductsCsv, requireProductAccess } from '@/lib/products';

export const dynamic = 'force-dynamic';

// POST /api/v1/products/import — bulk create/update from CSV (text/csv or a multipart "file"); per-row errors
export const POST = apiRoute({ auth: 'user' }, async ({ req, caller }) => {
  const orgId = requireProductAccess(caller, 'write');
  const csv = await readProductCsv(req);
  return importProductsCsv(orgId, csv, { createdBy: caller.userId });
});
