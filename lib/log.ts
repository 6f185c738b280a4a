import pino from 'pino';
import { env } from '@/lib/env';

/**
 * Structured JSON logs. Anything that looks like a secret is redacted by key,
 * wherever it sits in the logged object.
 */
const SECRET_KEYS = [
  'password',
  'secret',
  'token',
  'apiKey',
  'api_key',
  'authorization',
  'cookie',
  'x-api-key',
  'stripe-signature',
  'webhook-signature',
  'key',
  'keyHash',
  'signingSecret',
];

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: 'trailroom' },
  redact: {
    paths: SECRET_KEYS.flatMap((k) => {
      const seg = /^[A-Za-z_]\w*$/.test(k) ? `.${k}` : `["${k}"]`;
      const top = seg.startsWith('.') ? seg.slice(1) : seg;
      return [top, `*${seg}`, `*.*${seg}`];
    }),
    censor: '[redacted]',
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = pino.Logger;

/** A child logger that stamps every line with the request id. */
export function requestLogger(requestId: string, extra: Record<string, unknown> = {}): Logger {
  return logger.child({ requestId, ...extra });
}
