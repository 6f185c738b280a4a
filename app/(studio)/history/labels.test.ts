import { describe, expect, it } from 'vitest';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { providerLabel, studioLinks } from './labels';

const job = (over: Partial<TryonJobResponse> = {}): TryonJobResponse => ({
  id: 'job1',
  status: 'completed',
  mode: 'top',
  credits_used: 1,
  source: 'web',
  favorite: false,
  retry_count: 0,
  livemode: true,
  samples: 1,
  outputs: [],
  samples_failed: 0,
  created_at: '2026-12-01T09:00:00.000Z',
  ...over,
});

describe('studioLinks', () => {
  it('repeats a try-on with ?from= and keeps the garment with ?garment=', () => {
    expect(studioLinks(job(), { person: 'p', top: 't', bottom: null })).toEqual({
      garment: '/studio?garment=t',
      again: '/studio?from=job1',
    });
  });

  it('passes both garments of a full outfit', () => {
    expect(studioLinks(job({ mode: 'full' }), { person: 'p', top: 't', bottom: 'b' })).toEqual({
      garment: '/studio?garment=t&bottom=b',
      again: '/studio?from=job1',
    });
  });

  it('offers nothing that cannot run once retention deleted the photos', () => {
    expect(studioLinks(job(), { person: null, top: 't', bottom: null })).toEqual({
      garment: '/studio?garment=t',
      again: null,
    });
    expect(studioLinks(job({ mode: 'full' }), { person: 'p', top: 't', bottom: null })).toEqual({
      garment: null,
      again: null,
    });
  });
});

describe('providerLabel', () => {
  it('names the model, or the local preview', () => {
    expect(providerLabel({ provider: 'gemini', model: 'gemini-2.5-flash-image' })).toBe(
      'Google Gemini · gemini-2.5-flash-image',
    );
    expect(providerLabel({ provider: 'openai' })).toBe('OpenAI');
    expect(providerLabel({ provider: 'local' })).toMatch(/^Preview/);
    expect(providerLabel({})).toBeNull();
  });
});
