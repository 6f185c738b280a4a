import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import type { TestProject } from 'vitest/node';
// @ts-expect-error -- plain ESM launcher shared with npm run dev
import { startDatabase } from './scripts/lib/database.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

// One real MongoDB-wire server for the whole run (MONGODB_URI, MongoDB or
// FerretDB), in a temporary directory removed afterwards.
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-test-db-'));
  const db = (await startDatabase({ dataDir })) as {
    uri: string;
    engine: string;
    stop: () => Promise<void>;
  };
  process.stderr.write(`[test] database: ${db.engine}\n`);
  project.provide('mongoUri', db.uri);
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
