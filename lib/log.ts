import pino from 'pino';
import { env } from '@/lib/env';

/**
 * Structured JSON logs. Secrets are redacted by a serializer that walks every
 * logged object (the merging object, child bindings and the message) at any
 * depth, including errors and their causes:
 * - by key name: any key that names a credential (password, secret, token,
 *   authorization, cookie, api key, signature, …) loses its value whatever it is;
 * - by value: strings that look like a credential (`tr_live_…`, `whsec_…`,
 *   `sk_live_…`, `Bearer …`) are masked wherever they appear, also inside a
 *   longer text such as an error message or a URL.
 */
export const REDACTED = '[redacted]';

/** Key names (lower-cased, without `-`/`_`) that hold a credential when they contain one of these. */
const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'secret',
  'token',
  'authorization',
  'cookie',
  'apikey',
  'signature',
  'keyhash',
  'credential',
  'privatekey',
  'sessionid',
];
/** Key names that are a credential only as a whole word (`key` alone, not `idempotencyKey`). */
const SECRET_KEYS_EXACT = new Set(['key', 'auth', 'sig', 'pwd']);

export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_\s]/g, '');
  return SECRET_KEYS_EXACT.has(k) || SECRET_KEY_PARTS.some((p) => k.includes(p));
}

/** Credential-shaped text: the prefix stays readable, the secret part goes. */
const SECRET_VALUES: Array<[RegExp, string]> = [
  // TrailRoom API keys (secret, test, publishable).
  [/\b((?:tr_live|tr_test|pk_live|pk_test)_)[A-Za-z0-9]{6,}/g, `$1${REDACTED}`],
  // Standard Webhooks signing secrets.
  [/\b(whsec_)[A-Za-z0-9+/=_-]{6,}/g, `$1${REDACTED}`],
  // Stripe secret and restricted keys.
  [/\b((?:sk|rk)_(?:live|test)_)[A-Za-z0-9]{6,}/g, `$1${REDACTED}`],
  // OpenAI keys (sk-…, sk-proj-…) and Google API keys.
  [/\b(sk-)[A-Za-z0-9_-]{16,}/g, `$1${REDACTED}`],
  [/\bAIza[0-9A-Za-z_-]{30,}/g, REDACTED],
  // HTTP credentials inside any text.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
];

export function redactString(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_VALUES) out = out.replace(pattern, replacement);
  return out;
}

const MAX_DEPTH = 12;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function redactError(err: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: err.name,
    message: redactString(err.message),
    ...(err.stack ? { stack: redactString(err.stack) } : {}),
  };
  for (const [k, v] of Object.entries(err)) out[k] = redactEntry(k, v, depth + 1, seen);
  if (err.cause !== undefined) out.cause = redactValue(err.cause, depth + 1, seen);
  return out;
}

function redactEntry(key: string, value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === undefined || value === null) return value;
  return isSecretKey(key) ? REDACTED : redactValue(value, depth, seen);
}

/** A copy of `value` with every secret masked (by key at any depth, and by value pattern). */
export function redactValue(
  value: unknown,
  depth = 0,
  seen: WeakSet<object> = new WeakSet(),
): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (value instanceof Error) return redactError(value, depth, seen);
    if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1, seen));
    if (value instanceof URL) return redactString(value.toString());
    if (value instanceof Headers || value instanceof Map) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of value as Map<string, unknown>) {
        out[String(k)] = redactEntry(String(k), v, depth + 1, seen);
      }
      return out;
    }
    if (value instanceof Date) return value;
    if (ArrayBuffer.isView(value)) return `[binary ${value.byteLength} bytes]`;
    // ObjectIds, Mongoose documents and the like: walk what they serialise to.
    if (!isPlainObject(value)) {
      const toJSON = (value as { toJSON?: () => unknown }).toJSON;
      if (typeof toJSON === 'function') return redactValue(toJSON.call(value), depth + 1, seen);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactEntry(k, v, depth + 1, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}

function redactRecord(obj: Record<string, unknown>): Record<string, unknown> {
  return redactValue(obj) as Record<string, unknown>;
}

/**
 * A pino logger with the redaction. pino runs `formatters.bindings` for the
 * root's base only, so child bindings are redacted by wrapping `child` (each
 * child inherits from its parent, so grandchildren get the wrapper too).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  const root = pino(
    {
      level,
      base: { service: 'trailroom' },
      formatters: { log: redactRecord, bindings: redactRecord },
      serializers: {
        // Errors are already plain, redacted objects (redactValue): keep them as they are.
        err: (err: unknown) => err,
        msg: (msg: unknown) => (typeof msg === 'string' ? redactString(msg) : msg),
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination(1),
  );
  type Child = (this: pino.Logger, bindings: pino.Bindings, options?: unknown) => pino.Logger;
  const child = root.child as unknown as Child;
  const redactedChild: Child = function (this: pino.Logger, bindings, options) {
    return child.call(this, redactRecord(bindings), options);
  };
  root.child = redactedChild as unknown as typeof root.child;
  return root;
}

export const logger = createLogger(env.LOG_LEVEL);

export type Logger = pino.Logger;

/** A child logger that stamps every line with the request id. */
export function requestLogger(requestId: string, extra: Record<string, unknown> = {}): Logger {
  return logger.child({ requestId, ...extra });
}
