#!/usr/bin/env node
// The npm registry reachable from our build machines serves only Linux builds
// of packages with native binaries, so `npm install` there writes a lock file
// without the other platforms' optional binaries (@next/swc-darwin-*, …), and
// `npm ci` then refuses it as "out of sync". This adds those entries — version,
// registry URL and the os/cpu/libc that make npm skip them on other platforms —
// so `npm ci` works on every machine. Run it after changing dependencies.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));

const OSES = [
  'android',
  'darwin',
  'freebsd',
  'linux',
  'win32',
  'openharmony',
  'netbsd',
  'openbsd',
  'sunos',
  'aix',
];
const CPUS = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x'];

function platformOf(name) {
  const base = name.split('/').pop();
  if (base.includes('wasm32')) return { cpu: ['wasm32'] };
  const os = OSES.find((o) => base.includes(o));
  let cpu = CPUS.find((c) => base.includes(c));
  if (!cpu && /-arm(-|$)/.test(base)) cpu = 'arm';
  if (!os || !cpu) return null;
  const libc = /-gnu/.test(base) ? ['glibc'] : /-musl/.test(base) ? ['musl'] : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

let added = 0;
for (const [, pkg] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    const base = dep.split('/').pop();
    lock.packages[key] = {
      version: spec,
      resolved: `https://registry.npmjs.org/${dep}/-/${base}-${spec}.tgz`,
      optional: true,
      ...platform,
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
  ),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`[lockfile] added ${added} platform-specific optional entries\n`);
