import { describe, expect, it } from 'vitest';
import { slugFromName } from './slug';

describe('slugFromName', () => {
  it.each([
    ['Acme Ltd', 'acme-ltd'],
    ['  Café Ñandú & Co.  ', 'cafe-nandu-co'],
    ['---', ''],
    ['a'.repeat(60), 'a'.repeat(48)],
    [`${'b'.repeat(47)} x`, 'b'.repeat(47)],
  ])('%s → %s', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });
});
