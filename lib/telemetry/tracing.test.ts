import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoute } from '@/lib/api/route';
import { flushTracing, startTracing } from './start-tracing';
import { REQUEST_ID_ATTRIBUTE } from './tag-request-id';
import { tracingConfig } from './tracing-config';

// A local OTLP/HTTP receiver: accepts what the exporter posts to /v1/traces
// (OTLP JSON) and keeps each span's name and attributes.
interface ReceivedSpan {
  name: string;
  attributes: Record<string, unknown>;
}
interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: { name: string; attributes?: OtlpAttribute[] }[] }[];
  }[];
}
interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}

const flat = (attrs: OtlpAttribute[] = []) =>
  Object.fromEntries(attrs.map((a) => [a.key, Object.values(a.value)[0]]));

const received: ReceivedSpan[] = [];
const resources: Record<string, unknown>[] = [];
const contentTypes: string[] = [];
let server: Server;

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void body(req).then((text) => {
      contentTypes.push(String(req.headers['content-type']));
      if (req.url === '/v1/traces') {
        const doc = JSON.parse(text) as OtlpJson;
        for (const rs of doc.resourceSpans ?? []) {
          resources.push(flat(rs.resource?.attributes));
          for (const ss of rs.scopeSpans ?? [])
            for (const s of ss.spans ?? [])
              received.push({ name: s.name, attributes: flat(s.attributes) });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('tracingConfig', () => {
  it('is off unless an OTLP endpoint is set, and OTEL_SDK_DISABLED wins', () => {
    const base = { OTEL_SERVICE_NAME: 'trailroom', OTEL_SDK_DISABLED: false };
    expect(tracingConfig(base)).toBeNull();
    expect(
      tracingConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }),
    ).toEqual({ serviceName: 'trailroom', tracesUrl: 'http://collector:4318/v1/traces' });
    expect(
      tracingConfig({
        ...base,
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://other:4318/custom',
      })?.tracesUrl,
    ).toBe('http://other:4318/custom');
    expect(
      tracingConfig({
        ...base,
        OTEL_SDK_DISABLED: true,
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      }),
    ).toBeNull();
  });
});

describe('a request through apiRoute', () => {
  it('is exported over OTLP/HTTP on a span that carries its request id', async () => {
    const { port } = server.address() as AddressInfo;
    const config = startTracing(
      tracingConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_SERVICE_NAME: 'trailroom-test',
        OTEL_SDK_DISABLED: false,
      }),
    );
    expect(config?.tracesUrl).toBe(`http://127.0.0.1:${port}/v1/traces`);

    const handler = apiRoute({ auth: 'none' }, async () => ({ ok: true }));
    // Next.js opens a span per request and runs the handler inside it; so do we here.
    const tracer = trace.getTracer('test');
    const call = (headers: Record<string, string>) =>
      tracer.startActiveSpan('GET /api/example', async (span) => {
        try {
          return await handler(new NextRequest('http://localhost:3000/api/example', { headers }), {
            params: Promise.resolve({}),
          });
        } finally {
          span.end();
        }
      });
    const generated = await call({});
    const given = await call({ 'x-request-id': 'req-from-the-proxy-1' });
    const generatedId = generated.headers.get('x-request-id');
    expect(generated.status).toBe(200);
    expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);
    expect(given.headers.get('x-request-id')).toBe('req-from-the-proxy-1');

    await flushTracing();
    const ids = received
      .filter((s) => s.name === 'GET /api/example')
      .map((s) => s.attributes[REQUEST_ID_ATTRIBUTE]);
    expect(ids).toEqual([generatedId, 'req-from-the-proxy-1']);
    expect(resources[0]?.['service.name']).toBe('trailroom-test');
    expect(contentTypes[0]).toBe('application/json');
  });
});
