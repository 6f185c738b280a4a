import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('drops falsy values and joins the rest', () => {
    expect(cn('a', false, null, undefined, 'b', { c: true, d: false })).toBe('a b c');
  });

  it('lets a later Tailwind class override a conflicting earlier one', () => {
    expect(cn('px-3 py-2 text-sm', 'px-4')).toBe('py-2 text-sm px-4');
    expect(cn('bg-white', undefined, 'bg-slate-50')).toBe('bg-slate-50');
  });
});
