/**
 * An audit entry's before/after as the fields that changed, for people to
 * read ("status: failed → queued") instead of two JSON blobs. Top-level keys
 * only; nested values are shown compactly. Keys present on one side only
 * show "—" on the other. Values that did not change are left out.
 */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const MAX_VALUE = 80;

export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describeChange(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    const b = formatAuditValue(before);
    const a = formatAuditValue(after);
    return b === a ? [] : [{ field: 'value', before: b, after: a }];
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((f) => JSON.stringify(from[f]) !== JSON.stringify(to[f]))
    .map((field) => ({
      field,
      before: formatAuditValue(from[field]),
      after: formatAuditValue(to[field]),
    }));
}
