import { apiRoute } from '@/lib/api/route';
import { accountExportZip } from '@/lib/users';

export const dynamic = 'force-dynamic';

// GET /api/account/export — download everything we keep about you, as a zip (owner only, rate-limited)
export const GET = apiRoute(
  { auth: 'user', sessionOnly: true, personal: true, rateLimit: 'accountExport' },
  async ({ caller }) => {
    const day = new Date().toISOString().slice(0, 10);
    return new Response(accountExportZip(caller.userId), {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="trailroom-data-${day}.zip"`,
        'Cache-Control': 'no-store',
      },
    });
  },
);
