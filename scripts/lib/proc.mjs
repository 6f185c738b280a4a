import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './tools.mjs';

export const BIN = (name) => path.join(ROOT, 'node_modules/.bin', name);

/** Runs a command to completion, inheriting stdio; resolves with its exit code. */
export function run(cmd, args, { env = process.env, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env, cwd });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}
