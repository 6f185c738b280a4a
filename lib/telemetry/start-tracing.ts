import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  TracerProvider,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { env } from '@/lib/env';
import { tracingConfig, type TracingConfig } from './tracing-config';

let provider: TracerProvider | null = null;

/**
 * Registers the global tracer provider that Next.js's own spans (one per
 * request, route handler, render) and ours go to, with W3C trace-context
 * propagation (a proxy's `traceparent` continues its trace). Spans are
 * batched (every 5 s) and posted as OTLP/HTTP JSON; the exporter reads the
 * other standard variables itself (OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT, _COMPRESSION).
 * Returns the configuration in use, or null when tracing is off (the default).
 */
export function startTracing(
  config: TracingConfig | null = tracingConfig(env),
  exporter?: SpanExporter,
): TracingConfig | null {
  if (!config || provider) return provider ? config : null;
  const processor: SpanProcessor = new BatchSpanProcessor({
    exporter: exporter ?? new OTLPTraceExporter({ url: config.tracesUrl }),
  });
  provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [processor],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return config;
}

/** Sends the spans still batched (on shutdown, and in tests). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}
