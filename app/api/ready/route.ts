import { NextResponse } from 'next/server';
import { pingDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

// GET /api/ready — readiness: 503 with a reason while the database is unreachable
export async function GET() {
  const db = await pingDb();
  if (!db.ok) {
    return NextResponse.json(
      { status: 'unavailable', reason: db.reason },
      { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } },
    );
  }
  return NextResponse.json(
    { status: 'ready', database: { latencyMs: db.latencyMs } },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
