import { NextResponse, type NextRequest } from 'next/server';
import { opsTokenMatches } from '@/lib/health';
import { renderMetrics } from '@/lib/metrics';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// GET /api/metrics — Prometheus exposition of this instance's metrics, for
// `Authorization: Bearer <OPS_TOKEN>` only (compared in constant time); 401
// otherwise, and always when no OPS_TOKEN is configured.
export async function GET(req: NextRequest) {
  if (!opsTokenMatches(req.headers.get('authorization'))) {
    return NextResponse.json(
      { error: { code: 'unauthorized', message: 'A valid ops bearer token is required' } },
      {
        status: 401,
        headers: { 'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer realm="metrics"' },
      },
    );
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, {
    headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' },
  });
}
