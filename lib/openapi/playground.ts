import { sample } from 'openapi-sampler';
import type { openApiDocument } from './document';

/**
 * The API playground's view of the OpenAPI document: one flat, serialisable
 * entry per operation with its inputs described well enough to build a form
 * and an example body. The playground has no knowledge of the API besides
 * this, so a new operation appears in it as soon as it is in the document.
 */
type Document = ReturnType<typeof openApiDocument>;

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface PlaygroundField {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  enum?: string[];
  default?: string;
}

export interface PlaygroundOperation {
  /** Stable, URL-safe: `post-/tryon`. */
  id: string;
  method: HttpMethod;
  /** Relative to the server URL (`/tryon/{id}`). */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** True when an API key is refused (session only). */
  sessionOnly: boolean;
  fields: PlaygroundField[];
  /** Present when the operation takes a JSON body. */
  body?: {
    required: boolean;
    /** A sample built from the schema (required fields only). */
    example: string;
    /** Top-level string fields that take an image (`x-trailroom-image`). */
    imageFields: string[];
    /** Top-level fields, for the form's hints. */
    properties: Array<{ name: string; required: boolean; description?: string }>;
  };
  /** Documented response statuses, ascending. */
  statuses: number[];
  /** The success response is binary (an image), not JSON. */
  binary: boolean;
}

interface RawSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  description?: string;
  properties?: Record<string, RawSchema>;
  required?: string[];
  format?: string;
  'x-trailroom-image'?: boolean;
  if?: unknown;
  then?: unknown;
  else?: unknown;
}

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: RawSchema;
}

function resolve(doc: Document, schema: RawSchema | undefined): RawSchema | undefined {
  const ref = schema?.$ref;
  if (!ref) return schema;
  const name = ref.replace('#/components/schemas/', '');
  return (doc.components?.schemas?.[name] as RawSchema | undefined) ?? schema;
}

function fieldType(schema: RawSchema | undefined): PlaygroundField['type'] {
  const t = Array.isArray(schema?.type) ? schema.type.find((x) => x !== 'null') : schema?.type;
  return t === 'integer' || t === 'number' || t === 'boolean' ? t : 'string';
}

function toField(doc: Document, p: RawParameter): PlaygroundField | null {
  if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header') return null;
  const schema = resolve(doc, p.schema);
  const description = p.description ?? schema?.description;
  return {
    name: p.name,
    in: p.in,
    required: p.in === 'path' || Boolean(p.required),
    ...(description ? { description } : {}),
    type: fieldType(schema),
    ...(schema?.enum ? { enum: schema.enum.map(String) } : {}),
    ...(schema?.default !== undefined ? { default: String(schema.default) } : {}),
  };
}

function exampleBody(doc: Document, schema: RawSchema): string {
  // openapi-sampler resolves $refs against the document and honours enums,
  // defaults and formats; image fields get a placeholder the form replaces.
  // A conditional (`if`/`then`/`else`, e.g. bottom_image only for mode "full")
  // would make the sampler merge both branches: sample the plain object.
  const { if: _if, then: _then, else: _else, ...plain } = schema;
  const value = sample(
    plain as Parameters<typeof sample>[0],
    { skipNonRequired: true, quiet: true },
    doc,
  );
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const [name, prop] of Object.entries(schema.properties ?? {}))
      if (resolve(doc, prop)?.['x-trailroom-image'] && name in object)
        object[name] = '<pick a file below, or paste base64 / a data: URI / an https URL>';
  }
  return JSON.stringify(value, null, 2);
}

/** Every operation of the document, in document order. */
export function playgroundOperations(doc: Document): PlaygroundOperation[] {
  const out: PlaygroundOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const fields = ((op.parameters ?? []) as RawParameter[])
        .map((p) => toField(doc, p))
        .filter((f): f is PlaygroundField => f !== null);
      const requestBody = op.requestBody as
        { required?: boolean; content?: Record<string, { schema?: RawSchema }> } | undefined;
      const bodySchema = resolve(doc, requestBody?.content?.['application/json']?.schema);
      const security = (op.security ?? doc.security ?? []) as Array<Record<string, string[]>>;
      const responses = (op.responses ?? {}) as Record<
        string,
        { content?: Record<string, unknown> }
      >;
      const statuses = Object.keys(responses)
        .map(Number)
        .filter(Number.isInteger)
        .sort((a, b) => a - b);
      const success = responses[String(statuses.find((s) => s < 300) ?? '')];
      out.push({
        id: `${method}-${path}`,
        method,
        path,
        summary: op.summary ?? `${method.toUpperCase()} ${path}`,
        ...(op.description ? { description: op.description } : {}),
        tag: op.tags?.[0] ?? 'Other',
        sessionOnly:
          security.length > 0 && security.every((s) => 'session' in s && !('apiKey' in s)),
        fields,
        ...(bodySchema
          ? {
              body: {
                required: requestBody?.required !== false,
                example: exampleBody(doc, bodySchema),
                imageFields: Object.entries(bodySchema.properties ?? {})
                  .filter(([, s]) => resolve(doc, s)?.['x-trailroom-image'])
                  .map(([name]) => name),
                properties: Object.entries(bodySchema.properties ?? {}).map(([name, s]) => {
                  const description = resolve(doc, s)?.description;
                  return {
                    name,
                    required: bodySchema.required?.includes(name) ?? false,
                    ...(description ? { description } : {}),
                  };
                }),
              },
            }
          : {}),
        statuses,
        binary: Boolean(
          success?.content && !Object.keys(success.content).some((t) => t.includes('json')),
        ),
      });
    }
  }
  return out;
}

/**
 * The request a form describes: path parameters substituted (encoded), empty
 * query values left out. Throws a readable message for a missing required
 * path parameter rather than calling `/tryon/%7Bid%7D`.
 */
export function buildRequestUrl(
  op: Pick<PlaygroundOperation, 'path' | 'fields'>,
  values: Record<string, string>,
  base = '/api/v1',
): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = values[`path.${name}`]?.trim();
    if (!v) throw new Error(`"${name}" is required`);
    return encodeURIComponent(v);
  });
  const query = new URLSearchParams();
  for (const f of op.fields)
    if (f.in === 'query') {
      const v = values[`query.${f.name}`]?.trim();
      if (v) query.set(f.name, v);
    }
  const qs = query.toString();
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}

/** A shell-quoted curl command for the request (the key as an environment variable). */
export function curlCommand(input: {
  origin: string;
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
}): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const parts = [`curl -sS -X ${input.method.toUpperCase()} ${q(`${input.origin}${input.url}`)}`];
  for (const [k, v] of Object.entries(input.headers))
    // `$TRAILROOM_API_KEY` stays a variable for the shell to expand.
    parts.push(/^\$[A-Z_]+$/.test(v) ? `-H "${k}: ${v}"` : `-H ${q(`${k}: ${v}`)}`);
  if (input.body !== undefined) {
    // A body with an inline image is megabytes long: show its shape, not its bytes.
    const body = input.body.length > 2000 ? `${input.body.slice(0, 2000)}…` : input.body;
    parts.push(`--data ${q(body)}`);
  }
  return parts.join(' \\\n  ');
}
