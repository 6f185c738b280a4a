import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Forms validate with their route's zod schema, so every `lib/**\/schemas.ts`
 * and `lib/**\/*-schemas.ts` must load in the browser. ESLint checks each file's
 * own imports; this walks the whole (value) import graph of each schema module
 * and fails on a package other than zod or on a server-only module reached
 * through a pure-looking one.
 */

const root = path.resolve(import.meta.dirname, '..');
const ALLOWED_PACKAGES = new Set(['zod']);
const SERVER_ONLY =
  /^(models\/(?!enums(-[a-z]+)*\.ts$)|lib\/(db|env|log|auth|storage|metrics|telemetry)[/.])/;

function schemaModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return schemaModules(p);
    return /(^|-)schemas\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Value imports and re-exports (`import type` / `export type` are erased). */
function valueSpecifiers(source: string): string[] {
  const specs: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) if (!m[2] && m[3]) specs.push(m[3]);
  return specs;
}

function resolveLocal(spec: string, from: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(root, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(c)) return c;
  }
  throw new Error(`cannot resolve ${spec} from ${path.relative(root, from)}`);
}

function offences(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const rel = path.relative(root, file);
    if (SERVER_ONLY.test(rel)) {
      found.push([...trail, rel].join(' → '));
      return;
    }
    for (const spec of valueSpecifiers(readFileSync(file, 'utf8'))) {
      const local = resolveLocal(spec, file);
      if (local) visit(local, [...trail, rel]);
      else if (!ALLOWED_PACKAGES.has(spec)) found.push([...trail, rel, spec].join(' → '));
    }
  };
  visit(entry, []);
  return found;
}

describe('schema modules are browser-safe', () => {
  const modules = schemaModules(path.join(root, 'lib'));

  it('finds the schema modules', () => {
    expect(modules.length).toBeGreaterThan(5);
  });

  it.each(modules.map((m) => [path.relative(root, m), m]))(
    '%s reaches only zod and pure modules',
    (_name, file) => {
      expect(offences(file)).toEqual([]);
    },
  );
});
