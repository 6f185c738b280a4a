import { describe, expect, it } from 'vitest';
import { describePhotoRecipients } from './describe-photo-recipients';
import { LOCAL_MODEL, type ProviderSettings } from './resolve-provider';

const base: ProviderSettings = {
  GEMINI_API_KEY: undefined,
  OPENAI_API_KEY: undefined,
  GEMINI_IMAGE_MODEL: 'gemini-x',
  OPENAI_IMAGE_MODEL: 'gpt-x',
  AI_PROVIDER_TOP: undefined,
  AI_PROVIDER_FULL: undefined,
};

describe('describePhotoRecipients', () => {
  it('says no photo leaves the server when no model key is configured', () => {
    expect(describePhotoRecipients(base)).toEqual({
      byMode: {
        top: { provider: 'local', model: LOCAL_MODEL },
        full: { provider: 'local', model: LOCAL_MODEL },
      },
      external: [],
    });
  });

  it('names the provider per mode and every configured external provider', () => {
    const settings = {
      ...base,
      GEMINI_API_KEY: 'g',
      OPENAI_API_KEY: 'o',
      AI_PROVIDER_FULL: 'openai' as const,
    };
    expect(describePhotoRecipients(settings)).toEqual({
      byMode: {
        top: { provider: 'gemini', model: 'gemini-x' },
        full: { provider: 'openai', model: 'gpt-x' },
      },
      external: ['gemini', 'openai'],
    });
  });

  it('never names a provider whose key is missing, even when a mode asks for it', () => {
    const r = describePhotoRecipients({ ...base, AI_PROVIDER_TOP: 'openai' });
    expect(r.byMode.top.provider).toBe('local');
    expect(r.external).toEqual([]);
  });
});
