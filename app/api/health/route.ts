import { NextResponse, type NextRequest } from 'next/server';
import { healthDetails, mayReadHealthDetails, PUBLIC_HEALTH } from '@/lib/health';

export const dynamic = 'force-dynamic';

// GET /api/health — liveness: `{ status: 'ok' }` for anyone; version and configured components
// only for a signed-in admin or `Authorization: Bearer <OPS_TOKEN>`
export async function GET(req: NextRequest) {
  const body = (await mayReadHealthDetails(req)) ? healthDetails() : PUBLIC_HEALTH;
  return NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
}
