import { NextResponse } from 'next/server';
import { pingDb } from '@/lib/db';
import { logger } from '@/lib/log';

export const dynamic = 'force-dynamic';

// GET /api/ready — readiness: 503 while the database is unreachable (the reason goes to the log only)
export async function GET() {
  const db = await pingDb();
  if (!db.ok) {
    logger.warn({ reason: db.reason }, 'not ready: database unreachable');
    return NextResponse.json(
      { status: 'unavailable', reason: 'database' },
      { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } },
    );
  }
  return NextResponse.json(
    { status: 'ready', database: { latencyMs: db.latencyMs } },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
