import { headers } from 'next/headers';
import { startWidgetSession } from '@/lib/widget';
import { WidgetDialog } from './widget-dialog';
import { WidgetRefusal } from './widget-refusal';

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * GET /embed/tryon?key=pk_live_…&sku=…&vid=… — the storefront try-on dialog,
 * inside the shop's iframe. The key, the framing origin and the product are
 * checked here (middleware has already limited `frame-ancestors` to the key's
 * allowed origins); a refusal renders one neutral message.
 */
export default async function EmbedTryonPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const session = await startWidgetSession({
    key: one(sp.key),
    sku: one(sp.sku),
    vid: one(sp.vid),
    referer: (await headers()).get('referer'),
  });
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-xl flex-col">
      {session.ok ? (
        <WidgetDialog
          token={session.token}
          parentOrigin={session.parentOrigin}
          orgName={session.orgName}
          retentionHours={session.retentionHours}
          product={session.product}
          variants={session.variants}
        />
      ) : (
        <WidgetRefusal allowedOrigins={session.allowedOrigins} />
      )}
    </main>
  );
}
