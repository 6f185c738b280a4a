import type { ChildProcess } from 'node:child_process';

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number>;
export function isPortOpen(port: number, host?: string): Promise<boolean>;
export function waitForPort(
  port: number,
  opts?: { timeoutMs?: number; host?: string; child?: ChildProcess },
): Promise<void>;
