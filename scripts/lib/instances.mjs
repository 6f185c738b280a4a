// Production instances of the standalone server (`output: 'standalone'`),
// started the way the Dockerfile starts them: `node server.js` in
// <distDir>/standalone with the static assets (and public/) copied beside it,
// NODE_ENV=production, one port each. Used by the two-instance e2e test
// (e2e/scale/) and `npm run bench instances`; they share one database through
// whatever MONGODB_URI the caller puts in `env`.
import { spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitForPort } from './ports.mjs';
import { ROOT } from './tools.mjs';

/**
 * Copies <distDir>/static (and public/) into the standalone folder, as the
 * Dockerfile does, and returns that folder. Throws when the build has no
 * standalone output.
 */
export function prepareStandalone(distDir) {
  const standalone = path.join(ROOT, distDir, 'standalone');
  if (!existsSync(path.join(standalone, 'server.js')))
    throw new Error(`${distDir}/standalone/server.js is missing: build with output 'standalone'`);
  cpSync(path.join(ROOT, distDir, 'static'), path.join(standalone, distDir, 'static'), {
    recursive: true,
  });
  if (existsSync(path.join(ROOT, 'public')))
    cpSync(path.join(ROOT, 'public'), path.join(standalone, 'public'), { recursive: true });
  return standalone;
}

/**
 * Starts one standalone server. Its stdout/stderr lines are kept in `lines`
 * (the app logs one JSON object per line) and echoed to stderr when `echo`.
 * Resolves once /api/ready answers 200.
 *
 * @param {{ standalone: string, env: Record<string, string | undefined>, port?: number,
 *           name?: string, echo?: boolean, readyTimeoutMs?: number }} opts
 */
export async function startInstance({
  standalone,
  env,
  port,
  name = 'app',
  echo = false,
  readyTimeoutMs = 90_000,
}) {
  const p = port ?? (await freePort());
  const url = `http://127.0.0.1:${p}`;
  const child = spawn(process.execPath, ['server.js'], {
    cwd: standalone,
    env: { ...env, NODE_ENV: 'production', PORT: String(p), HOSTNAME: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {string[]} */
  const lines = [];
  const collect = (stream) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (echo) process.stderr.write(`[${name}] ${line}\n`);
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const stop = async (signal = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill(signal);
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    const r = await exited;
    clearTimeout(t);
    return r;
  };

  try {
    await waitForPort(p, { child, timeoutMs: readyTimeoutMs });
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      const res = await fetch(`${url}/api/ready`).catch(() => null);
      if (res?.status === 200) break;
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`${name}: /api/ready did not answer 200`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (err) {
    await stop('SIGKILL');
    throw new Error(
      `${name} did not start: ${err instanceof Error ? err.message : String(err)}\n${lines.slice(-20).join('\n')}`,
    );
  }
  return { name, port: p, url, child, lines, exited, stop, pid: child.pid };
}

/**
 * Starts `count` instances of one build against the same settings (and so the
 * same database), in parallel. `stop()` stops every one still running.
 *
 * @param {{ distDir: string, count: number, env: Record<string, string | undefined>,
 *           ports?: number[], echo?: boolean }} opts
 */
export async function startInstances({ distDir, count, env, ports = [], echo = false }) {
  const standalone = prepareStandalone(distDir);
  const settled = await Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      startInstance({
        standalone,
        env,
        port: ports[i],
        name: `instance-${String.fromCharCode(97 + i)}`,
        echo,
      }),
    ),
  );
  const instances = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(instances.map((i) => i.stop()));
  };
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { instances, stop, standalone };
}
