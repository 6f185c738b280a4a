import { NextResponse } from 'next/server';
import mongoose from 'mongoose';
import { describeEnv } from '@/lib/env';
import { APP_VERSION } from '@/lib/version';

export const dynamic = 'force-dynamic';

// GET /api/health — liveness: version and which components are in use (no secrets)
export async function GET() {
  return NextResponse.json(
    {
      status: 'ok',
      version: APP_VERSION,
      time: new Date().toISOString(),
      database: { connected: mongoose.connection.readyState === 1 },
      ...describeEnv(),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
