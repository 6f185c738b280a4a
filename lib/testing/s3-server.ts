import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureVersityGw } from '../../tools/launchers/local-tools.mjs';
import { freePort, waitForPort } from '../../tools/launchers/ports.mjs';

export interface S3TestServer {
  /** The variables that point lib/env (and so lib/storage) at this server. */
  env: {
    STORAGE_DRIVER: 's3';
    S3_BUCKET: string;
    S3_REGION: string;
    S3_ENDPOINT: string;
    S3_ACCESS_KEY_ID: string;
    S3_SECRET_ACCESS_KEY: string;
    S3_FORCE_PATH_STYLE: 'true';
  };
  /** The bucket's directory on disk (the posix backend stores one file per object). */
  root: string;
  stop(): Promise<void>;
}

/**
 * Starts versitygw (a real S3-API server, built from the Go module proxy by
 * tools/launchers/local-tools.mjs) on 127.0.0.1 with a fresh directory as its store
 * and one bucket. Throws — failing the test file, never skipping — when it
 * cannot be built or does not come up.
 */
export async function startS3Server(bucket = 'trailroom-images'): Promise<S3TestServer> {
  const bin = ensureVersityGw() as string;
  const port = (await freePort()) as number;
  const root = mkdtempSync(path.join(tmpdir(), 'trailroom-s3-'));
  const store = path.join(root, 'store');
  const sidecar = path.join(root, 'meta');
  // A bucket is a directory in the posix backend.
  mkdirSync(path.join(store, bucket), { recursive: true });
  mkdirSync(path.join(sidecar, bucket), { recursive: true });
  const access = `test${randomBytes(6).toString('hex')}`;
  const secret = randomBytes(24).toString('hex');
  const child: ChildProcess = spawn(
    bin,
    [
      '--access',
      access,
      '--secret',
      secret,
      '--port',
      `127.0.0.1:${port}`,
      '--quiet',
      'posix',
      '--sidecar',
      sidecar,
      store,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  try {
    await waitForPort(port, { timeoutMs: 20_000, child });
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
    throw new Error(`versitygw did not start: ${(err as Error).message}\n${stderr}`);
  }
  return {
    env: {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY_ID: access,
      S3_SECRET_ACCESS_KEY: secret,
      S3_FORCE_PATH_STYLE: 'true',
    },
    root: path.join(store, bucket),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
