import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/openapi/document';

// GET /api/v1/openapi.json — the OpenAPI 3.1 description of /api/v1
export function GET() {
  return NextResponse.json(openApiDocument(), { headers: { 'Cache-Control': 'no-store' } });
}
