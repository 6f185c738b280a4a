/**
 * Text diffs for comparing prompt versions: word-level (prompts are mostly
 * long single-line paragraphs, where a line diff says only "everything
 * changed") and line-level side by side. Myers' O((N+M)·D) algorithm over
 * tokens; when two texts differ in more than `maxEdits` tokens the block is
 * shown as removed + added instead of spending memory on a useless diff.
 */
export type DiffKind = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

export interface SideBySideRow {
  kind: 'equal' | 'changed' | 'removed' | 'added';
  /** 1-based line numbers; absent on the side that has no line. */
  left?: { line: number; parts: DiffPart[] };
  right?: { line: number; parts: DiffPart[] };
}

const DEFAULT_MAX_EDITS = 4000;

/** Words, runs of whitespace and single punctuation marks: joined, they give back the text. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_'’]+|[^\s\p{L}\p{N}_'’]/gu) ?? [];
}

/** Myers' shortest edit script over two token lists, or null when it needs more than maxEdits edits. */
export function diffTokens(
  a: readonly string[],
  b: readonly string[],
  maxEdits = DEFAULT_MAX_EDITS,
) {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const limit = Math.min(max, maxEdits);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[k] for k in [-d, d] after round d.
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= limit; d += 1) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!)
          ? v[off + k + 1]!
          : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(off - d, off + d + 1));
        found = d;
        break outer;
      }
    }
    trace.push(v.slice(off - d, off + d + 1));
  }
  if (found < 0) return null;

  const reversed: Array<{ kind: DiffKind; token: string }> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d -= 1) {
    const prev = trace[d - 1]!;
    const at = (k: number) => prev[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ kind: 'equal', token: a[x - 1]! });
      x -= 1;
      y -= 1;
    }
    if (down) reversed.push({ kind: 'insert', token: b[prevY]! });
    else reversed.push({ kind: 'delete', token: a[prevX]! });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    reversed.push({ kind: 'equal', token: a[x - 1]! });
    x -= 1;
    y -= 1;
  }
  return reversed.reverse();
}

function merge(ops: Array<{ kind: DiffKind; token: string }>): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const op of ops) {
    const last = parts[parts.length - 1];
    if (last && last.kind === op.kind) last.text += op.token;
    else parts.push({ kind: op.kind, text: op.token });
  }
  return parts;
}

/**
 * Readability pass: a minimal script happily keeps a lone space between two
 * edits ("lower-body␣clothing" → "shoes" keeps the space), which reads as
 * noise. Whitespace-only equal runs between edits join the edit; each edited
 * region becomes one removed run followed by one added run.
 */
function cleanup(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.kind === 'equal') {
      out.push(parts[i]!);
      i += 1;
      continue;
    }
    let removed = '';
    let added = '';
    let j = i;
    while (j < parts.length) {
      const p = parts[j]!;
      if (p.kind === 'delete') removed += p.text;
      else if (p.kind === 'insert') added += p.text;
      else if (/^\s+$/.test(p.text) && j + 1 < parts.length) {
        removed += p.text;
        added += p.text;
      } else break;
      j += 1;
    }
    // Whitespace both sides share at the edges of the region is not a change.
    let head = 0;
    while (
      head < removed.length &&
      head < added.length &&
      removed[head] === added[head] &&
      /\s/.test(removed[head]!)
    )
      head += 1;
    let tail = 0;
    while (
      tail < removed.length - head &&
      tail < added.length - head &&
      removed[removed.length - 1 - tail] === added[added.length - 1 - tail] &&
      /\s/.test(removed[removed.length - 1 - tail]!)
    )
      tail += 1;
    if (head) out.push({ kind: 'equal', text: removed.slice(0, head) });
    const del = removed.slice(head, removed.length - tail);
    const ins = added.slice(head, added.length - tail);
    if (del) out.push({ kind: 'delete', text: del });
    if (ins) out.push({ kind: 'insert', text: ins });
    if (tail) out.push({ kind: 'equal', text: removed.slice(removed.length - tail) });
    i = j;
  }
  // Join neighbouring equal runs the edge trimming produced.
  const joined: DiffPart[] = [];
  for (const p of out) {
    const last = joined[joined.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else joined.push({ ...p });
  }
  return joined;
}

/** Word-level diff of two texts, as runs of equal / deleted / inserted text. */
export function diffWords(a: string, b: string, maxEdits = DEFAULT_MAX_EDITS): DiffPart[] {
  const ops = diffTokens(tokenize(a), tokenize(b), maxEdits);
  if (ops) return cleanup(merge(ops));
  return [
    ...(a ? [{ kind: 'delete' as const, text: a }] : []),
    ...(b ? [{ kind: 'insert' as const, text: b }] : []),
  ];
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n/g, '\n').split('\n');
}

/**
 * Line-level diff laid out side by side. A removed run followed by an added
 * run is paired row by row as `changed`, with word-level highlights.
 */
export function diffSideBySide(
  a: string,
  b: string,
  maxEdits = DEFAULT_MAX_EDITS,
): SideBySideRow[] {
  const left = splitLines(a);
  const right = splitLines(b);
  const ops = diffTokens(left, right, maxEdits) ?? [
    ...left.map((token) => ({ kind: 'delete' as const, token })),
    ...right.map((token) => ({ kind: 'insert' as const, token })),
  ];
  const rows: SideBySideRow[] = [];
  let l = 0;
  let r = 0;
  let i = 0;
  while (i < ops.length) {
    const op = ops[i]!;
    if (op.kind === 'equal') {
      l += 1;
      r += 1;
      rows.push({
        kind: 'equal',
        left: { line: l, parts: [{ kind: 'equal', text: op.token }] },
        right: { line: r, parts: [{ kind: 'equal', text: op.token }] },
      });
      i += 1;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (i < ops.length && ops[i]!.kind !== 'equal') {
      const o = ops[i]!;
      (o.kind === 'delete' ? removed : added).push(o.token);
      i += 1;
    }
    const pairs = Math.max(removed.length, added.length);
    for (let p = 0; p < pairs; p += 1) {
      const before = removed[p];
      const after = added[p];
      if (before !== undefined && after !== undefined) {
        const words = diffWords(before, after, maxEdits);
        l += 1;
        r += 1;
        rows.push({
          kind: 'changed',
          left: { line: l, parts: words.filter((w) => w.kind !== 'insert') },
          right: { line: r, parts: words.filter((w) => w.kind !== 'delete') },
        });
      } else if (before !== undefined) {
        l += 1;
        rows.push({
          kind: 'removed',
          left: { line: l, parts: [{ kind: 'delete', text: before }] },
        });
      } else if (after !== undefined) {
        r += 1;
        rows.push({ kind: 'added', right: { line: r, parts: [{ kind: 'insert', text: after }] } });
      }
    }
  }
  return rows;
}

/** How many words a diff adds and removes (whitespace and punctuation not counted). */
export function diffStats(parts: readonly DiffPart[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    const words = tokenize(p.text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
    if (p.kind === 'insert') added += words;
    else if (p.kind === 'delete') removed += words;
  }
  return { added, removed };
}
