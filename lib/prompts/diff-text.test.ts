import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSideBySide, diffStats, diffTokens, diffWords, tokenize } from './diff-text';

const side = (parts: Array<{ kind: string; text: string }>, keep: 'delete' | 'insert') =>
  parts
    .filter((p) => p.kind === 'equal' || p.kind === keep)
    .map((p) => p.text)
    .join('');

describe('tokenize', () => {
  it('splits words, whitespace and punctuation and joins back to the text', () => {
    const text = "Keep the person's face,  pose — and lighting.\nNext line";
    const tokens = tokenize(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toContain("person's");
    expect(tokens).toContain('  ');
    expect(tokens).toContain('—');
  });
});

describe('diffWords', () => {
  it('marks only the changed words of a one-line paragraph', () => {
    const parts = diffWords('Keep the lower-body clothing unchanged.', 'Keep the shoes unchanged.');
    expect(parts).toEqual([
      { kind: 'equal', text: 'Keep the ' },
      { kind: 'delete', text: 'lower-body clothing' },
      { kind: 'insert', text: 'shoes' },
      { kind: 'equal', text: ' unchanged.' },
    ]);
    expect(diffStats(parts)).toEqual({ added: 1, removed: 3 });
  });

  it('handles empty sides and identical texts', () => {
    expect(diffWords('', 'new text')).toEqual([{ kind: 'insert', text: 'new text' }]);
    expect(diffWords('old', '')).toEqual([{ kind: 'delete', text: 'old' }]);
    expect(diffWords('same words', 'same words')).toEqual([{ kind: 'equal', text: 'same words' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('falls back to removed + added when the edit budget is exceeded', () => {
    expect(diffWords('a b c', 'x y z', 2)).toEqual([
      { kind: 'delete', text: 'a b c' },
      { kind: 'insert', text: 'x y z' },
    ]);
  });

  it('always rebuilds both texts and finds a minimal script (property)', () => {
    const word = fc.constantFrom('a', 'b', 'c', ' ', '.', 'top', '\n');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 40 }), (x, y) => {
        const a = x.join('');
        const b = y.join('');
        const parts = diffWords(a, b);
        expect(side(parts, 'delete')).toBe(a);
        expect(side(parts, 'insert')).toBe(b);
        // Edits = |a| + |b| - 2·LCS; compare with a plain dynamic-programming LCS.
        const ta = tokenize(a);
        const tb = tokenize(b);
        const ops = diffTokens(ta, tb)!;
        const edits = ops.filter((o) => o.kind !== 'equal').length;
        const lcs = Array.from({ length: ta.length + 1 }, () =>
          new Array<number>(tb.length + 1).fill(0),
        );
        for (let i = 1; i <= ta.length; i += 1)
          for (let j = 1; j <= tb.length; j += 1)
            lcs[i]![j] =
              ta[i - 1] === tb[j - 1]
                ? lcs[i - 1]![j - 1]! + 1
                : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
        expect(edits).toBe(ta.length + tb.length - 2 * lcs[ta.length]![tb.length]!);
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffSideBySide', () => {
  it('pairs changed lines with word highlights and keeps line numbers per side', () => {
    const rows = diffSideBySide('one\ntwo three\nfour', 'one\ntwo 3\nfour\nfive');
    expect(rows.map((r) => r.kind)).toEqual(['equal', 'changed', 'equal', 'added']);
    expect(rows[1]!.left).toEqual({
      line: 2,
      parts: [
        { kind: 'equal', text: 'two ' },
        { kind: 'delete', text: 'three' },
      ],
    });
    expect(rows[1]!.right!.parts).toEqual([
      { kind: 'equal', text: 'two ' },
      { kind: 'insert', text: '3' },
    ]);
    expect(rows[3]).toEqual({
      kind: 'added',
      right: { line: 4, parts: [{ kind: 'insert', text: 'five' }] },
    });
  });

  it('shows removed lines on the left only', () => {
    const rows = diffSideBySide('a\nb\nc', 'a\nc');
    expect(rows.map((r) => [r.kind, r.left?.line, r.right?.line])).toEqual([
      ['equal', 1, 1],
      ['removed', 2, undefined],
      ['equal', 3, 2],
    ]);
  });
});
