import type { Env } from '@/lib/env';

/**
 * Where spans go, or null when tracing is off. Off by default: only an OTLP
 * endpoint (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT)
 * turns it on, and OTEL_SDK_DISABLED=true turns it off again.
 */
export interface TracingConfig {
  serviceName: string;
  /** The URL spans are posted to (OTLP/HTTP, JSON). */
  tracesUrl: string;
}

type TracingEnv = Pick<
  Env,
  | 'OTEL_EXPORTER_OTLP_ENDPOINT'
  | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'
  | 'OTEL_SERVICE_NAME'
  | 'OTEL_SDK_DISABLED'
>;

export function tracingConfig(env: TracingEnv): TracingConfig | null {
  if (env.OTEL_SDK_DISABLED) return null;
  const tracesUrl =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`
      : undefined);
  if (!tracesUrl) return null;
  return { serviceName: env.OTEL_SERVICE_NAME, tracesUrl };
}
