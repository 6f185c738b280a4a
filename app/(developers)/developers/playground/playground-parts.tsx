'use client';

import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { HttpMethod, PlaygroundField } from '@/lib/openapi/playground';

export type AuthMode = 'session' | 'key';

/** What the API answered to the last request. */
export interface Sent {
  opId: string;
  method: HttpMethod;
  url: string;
  status: number;
  statusText: string;
  ms: number;
  bytes: number;
  headers: Array<[string, string]>;
  /** What it was sent from (requestSignature): the panel hides it once the inputs change. */
  signature: string;
  /** Pretty JSON or text; absent for images. */
  text?: string;
  /** Object URL of an image response. */
  imageUrl?: string;
  json?: unknown;
}

const METHOD_STYLE: Record<HttpMethod, string> = {
  get: 'bg-sky-100 text-sky-900',
  post: 'bg-emerald-100 text-emerald-900',
  put: 'bg-amber-100 text-amber-900',
  patch: 'bg-amber-100 text-amber-900',
  delete: 'bg-red-100 text-red-900',
};

/** Response headers worth showing; the rest are in the full list. */
export const KEY_HEADERS = ['content-type', 'retry-after', 'x-request-id', 'cache-control', 'etag'];

export function MethodBadge({ method }: { method: HttpMethod }) {
  return (
    <span
      className={cn(
        'inline-block w-14 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-[11px] font-bold uppercase',
        METHOD_STYLE[method],
      )}
    >
      {method}
    </span>
  );
}

export function statusTone(status: number): string {
  if (status < 300) return 'bg-emerald-100 text-emerald-900';
  if (status < 500) return 'bg-amber-100 text-amber-900';
  return 'bg-red-100 text-red-900';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export interface Attachment {
  label: string;
  placeholder: string;
  dataUrl: string;
  /** The picked file's name (the curl command uploads a file of that name). */
  name: string;
}

/** One path, query or header parameter of the operation. */
export function ParamInput({
  field,
  value,
  onChange,
}: {
  field: PlaygroundField;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = `param-${field.in}-${field.name}`;
  const hintId = `${id}-hint`;
  const hint = [
    field.in === 'header' ? 'Header' : field.in === 'query' ? 'Query' : 'Path',
    field.description,
    field.default !== undefined ? `Default ${field.default}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div>
      <label htmlFor={id} className="block text-sm text-slate-800">
        <code className="font-mono">{field.name}</code>
        {field.required && (
          <span className="ml-1 text-red-700" aria-hidden="true">
            *
          </span>
        )}
        {field.required && <span className="sr-only"> (required)</span>}
      </label>
      {field.enum ? (
        <Select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={hintId}
          className="h-11 max-w-md sm:h-9"
        >
          <option value="">{field.required ? 'Choose…' : '(not set)'}</option>
          {field.enum.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </Select>
      ) : (
        <div className="flex max-w-md gap-2">
          <Input
            id={id}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            inputMode={field.type === 'integer' || field.type === 'number' ? 'numeric' : undefined}
            placeholder={field.default}
            required={field.required}
            spellCheck={false}
            aria-describedby={hintId}
            className="h-11 font-mono sm:h-9"
          />
          {field.name.toLowerCase() === 'idempotency-key' && (
            <Button
              type="button"
              variant="secondary"
              size="sm"
              className="mt-1 h-11 sm:h-9"
              onClick={() => onChange(crypto.randomUUID())}
            >
              Generate
            </Button>
          )}
        </div>
      )}
      <p id={hintId} className="mt-0.5 text-xs text-slate-600">
        {hint}
      </p>
    </div>
  );
}
