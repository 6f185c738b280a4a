import { describe, expect, it } from 'vitest';
import { describeChange, formatAuditValue } from './describe-change';

describe('describeChange', () => {
  it('lists only the fields that changed, in first-seen order', () => {
    expect(
      describeChange(
        { status: 'failed', retryCount: 0, mode: 'top' },
        { status: 'queued', retryCount: 0, adminRetries: 1, mode: 'top' },
      ),
    ).toEqual([
      { field: 'status', before: 'failed', after: 'queued' },
      { field: 'adminRetries', before: '—', after: '1' },
    ]);
  });

  it('treats a missing side as empty', () => {
    expect(describeChange(null, { role: 'support_admin' })).toEqual([
      { field: 'role', before: '—', after: 'support_admin' },
    ]);
    expect(describeChange({ suspended: true }, undefined)).toEqual([
      { field: 'suspended', before: 'true', after: '—' },
    ]);
  });

  it('shows nested values compactly and compares them by value', () => {
    expect(describeChange({ error: { code: 'x' } }, { error: { code: 'x' } })).toEqual([]);
    expect(describeChange({ error: { code: 'x' } }, { error: null })).toEqual([
      { field: 'error', before: '{"code":"x"}', after: '—' },
    ]);
  });

  it('describes plain values as one change, or none when equal', () => {
    expect(describeChange(5, 7)).toEqual([{ field: 'value', before: '5', after: '7' }]);
    expect(describeChange(null, undefined)).toEqual([]);
  });
});

describe('formatAuditValue', () => {
  it('shortens long values', () => {
    const long = formatAuditValue('a'.repeat(200));
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});
