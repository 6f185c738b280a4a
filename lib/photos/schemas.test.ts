import { describe, expect, it } from 'vitest';
import { PHOTO_RETENTIONS as MODEL_RETENTIONS } from '@/models/saved-photo';
import { expiresAt } from './expires-at';
import { SAMPLES, findSample } from './samples';
import { PHOTO_RETENTIONS } from './schemas';

describe('saved photo schemas', () => {
  it('offers exactly the retentions the model stores', () => {
    expect([...PHOTO_RETENTIONS]).toEqual([...MODEL_RETENTIONS]);
  });

  it('computes the expiry of each retention', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(expiresAt('30d', from)?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(expiresAt('1y', from)?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(expiresAt('forever', from)).toBeUndefined();
  });
});

describe('samples', () => {
  it('has people, tops and bottoms with ids the try-on reference accepts', () => {
    for (const kind of ['person', 'top', 'bottom'] as const)
      expect(SAMPLES.some((s) => s.kind === kind)).toBe(true);
    for (const s of SAMPLES) {
      expect(s.id).toMatch(/^[a-z0-9-]{1,40}$/);
      expect(s.src).toBe(`/samples/${s.id}.png`);
    }
    expect(findSample('../etc/passwd')).toBeUndefined();
  });
});
