// The local tools the project builds or installs (FerretDB, stripe-mock, versitygw into
// .cache/bin; schemathesis into a venv), once per machine. Versions are pinned by tools/*/.
// Shared by the npm scripts (scripts/) and the test support (lib/testing/).
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  rmSync,
  writeFileSync,
  chmodSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN_DIR = path.join(ROOT, '.cache/bin');
export const FERRETDB_VERSION = 'v1.24.2';

function log(msg) {
  process.stderr.write(`[tools] ${msg}\n`);
}

function requireGo() {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'Go is required to build the local database (FerretDB) and stripe-mock. Install Go 1.22+ or set MONGODB_URI.',
    );
  }
}

function makeWritable(dir) {
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    const st = statSync(p);
    chmodSync(p, st.mode | 0o200);
    if (st.isDirectory()) makeWritable(p);
  }
}

/** Returns the path of a FerretDB binary, building it on first use (~1 min). */
export function ensureFerretDb() {
  const bin = path.join(BIN_DIR, `ferretdb-${FERRETDB_VERSION}`);
  if (existsSync(bin)) return bin;
  requireGo();
  mkdirSync(BIN_DIR, { recursive: true });
  const started = Date.now();
  log(`building FerretDB ${FERRETDB_VERSION} (first run on this machine, about a minute)…`);
  const toolDir = path.join(ROOT, 'tools/ferretdb');
  const info = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', 'github.com/FerretDB/FerretDB'], {
      cwd: toolDir,
      encoding: 'utf8',
    }),
  );
  // `go install pkg@version` cannot be used: FerretDB's build embeds a version
  // file that only its own build task writes, so build from a writable copy.
  const src = path.join(ROOT, '.cache/src', `ferretdb-${FERRETDB_VERSION}`);
  rmSync(src, { recursive: true, force: true });
  mkdirSync(path.dirname(src), { recursive: true });
  cpSync(info.Dir, src, { recursive: true });
  makeWritable(src);
  writeFileSync(path.join(src, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
  const tmp = `${bin}.tmp`;
  execFileSync('go', ['build', '-trimpath', '-o', tmp, './cmd/ferretdb'], {
    cwd: src,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  execFileSync('mv', [tmp, bin]);
  rmSync(src, { recursive: true, force: true });
  log(`FerretDB built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}

/** Returns the path of a stripe-mock binary, building it on first use. */
export function ensureStripeMock() {
  const bin = path.join(BIN_DIR, 'stripe-mock');
  if (existsSync(bin)) return bin;
  requireGo();
  mkdirSync(BIN_DIR, { recursive: true });
  const started = Date.now();
  log('building stripe-mock (first run on this machine)…');
  execFileSync('go', ['build', '-o', bin, 'github.com/stripe/stripe-mock'], {
    cwd: path.join(ROOT, 'tools/stripe-mock'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  log(`stripe-mock built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}

/**
 * Returns the path of a versitygw binary (an S3-API server with a plain
 * directory as its store), building it on first use (~3 min). The image
 * storage tests and bench run it on 127.0.0.1. Pinned by tools/versitygw/go.mod.
 */
export const VERSITYGW_VERSION = 'v1.8.0';
export function ensureVersityGw() {
  const bin = path.join(BIN_DIR, `versitygw-${VERSITYGW_VERSION}`);
  if (existsSync(bin)) return bin;
  requireGo();
  mkdirSync(BIN_DIR, { recursive: true });
  const started = Date.now();
  log(`building versitygw ${VERSITYGW_VERSION} (first run on this machine, a few minutes)…`);
  const tmp = `${bin}.tmp`;
  execFileSync(
    'go',
    ['build', '-trimpath', '-o', tmp, 'github.com/versity/versitygw/cmd/versitygw'],
    {
      cwd: path.join(ROOT, 'tools/versitygw'),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CGO_ENABLED: '0' },
    },
  );
  execFileSync('mv', [tmp, bin]);
  log(`versitygw built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}

/**
 * Returns the path of the schemathesis CLI (`st`), installed from PyPI into
 * .cache/venv-schemathesis on first use. The version is pinned by
 * tools/schemathesis/requirements.txt; a changed pin reinstalls.
 */
export function ensureSchemathesis() {
  const venv = path.join(ROOT, '.cache/venv-schemathesis');
  const bin = path.join(venv, 'bin/st');
  const requirements = path.join(ROOT, 'tools/schemathesis/requirements.txt');
  const stamp = path.join(venv, 'requirements.installed');
  const wanted = readFileSync(requirements, 'utf8');
  if (existsSync(bin) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return bin;
  const started = Date.now();
  log('installing schemathesis into .cache/venv-schemathesis (first run on this machine)…');
  if (!existsSync(path.join(venv, 'bin/python'))) {
    try {
      execFileSync('python3', ['-m', 'venv', venv], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      throw new Error('Python 3.9+ with the venv module is required for the API contract test.');
    }
  }
  execFileSync(
    path.join(venv, 'bin/python'),
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  writeFileSync(stamp, wanted);
  log(`schemathesis installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}
