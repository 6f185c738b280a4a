import { describe, expect, it } from 'vitest';
import { parseAmountToCents } from './parse-amount';

describe('parseAmountToCents', () => {
  it.each([
    ['12', 1_200],
    ['12.5', 1_250],
    ['12.50', 1_250],
    ['0.29', 29],
    ['0.01', 1],
    ['$37.80', 3_780],
    ['1,234.56', 123_456],
    [' 7. ', 700],
  ])('%s → %i cents', (input, cents) => {
    expect(parseAmountToCents(input)).toBe(cents);
  });

  it.each(['', '0', '0.00', '-5', '1.234', 'abc', '1e3', '12,5', '.5', '1,23.00'])(
    'refuses %j',
    (input) => {
      expect(parseAmountToCents(input)).toBeNull();
    },
  );
});
