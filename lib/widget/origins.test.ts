import { describe, expect, it } from 'vitest';
import { allowedOriginsSchema, normalizeOrigin, originOf } from './origins';

describe('normalizeOrigin', () => {
  it.each([
    ['https://shop.example', 'https://shop.example'],
    ['https://Shop.Example/', 'https://shop.example'],
    ['https://shop.example:443', 'https://shop.example'],
    ['https://shop.example:8443', 'https://shop.example:8443'],
    ['  https://shop.example  ', 'https://shop.example'],
  ])('accepts %s in production as %s', (raw, expected) => {
    expect(normalizeOrigin(raw, { production: true })).toBe(expected);
  });

  it.each([
    'http://shop.example',
    'https://shop.example/products',
    'https://shop.example?x=1',
    'https://*.shop.example',
    'https://user:pw@shop.example',
    'shop.example',
    'ftp://shop.example',
    '*',
    "https://shop.example; script-src 'unsafe-inline'",
    'https://shop.example https://evil.example',
    '',
  ])('refuses %s in production', (raw) => {
    expect(normalizeOrigin(raw, { production: true })).toBeNull();
  });

  it('allows http only outside production', () => {
    expect(normalizeOrigin('http://localhost:3001', { production: false })).toBe(
      'http://localhost:3001',
    );
    expect(normalizeOrigin('http://localhost:3001', { production: true })).toBeNull();
  });
});

describe('allowedOriginsSchema', () => {
  it('normalises and de-duplicates', () => {
    expect(
      allowedOriginsSchema({ production: true }).parse([
        'https://a.example/',
        'https://A.example',
        'https://b.example:444',
      ]),
    ).toEqual(['https://a.example', 'https://b.example:444']);
  });

  it('names the bad entry', () => {
    const r = allowedOriginsSchema({ production: true }).safeParse(['https://a.example', 'nope']);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([1]);
  });

  it('needs at least one and at most 20', () => {
    expect(allowedOriginsSchema({ production: false }).safeParse([]).success).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => `https://s${i}.example`);
    expect(allowedOriginsSchema({ production: false }).safeParse(many).success).toBe(false);
  });
});

describe('originOf', () => {
  it('takes the origin of a referer', () => {
    expect(originOf('https://shop.example/p/1?x=2')).toBe('https://shop.example');
    expect(originOf('not a url')).toBeNull();
    expect(originOf(null)).toBeNull();
  });
});
