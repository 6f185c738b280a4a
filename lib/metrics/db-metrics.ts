import mongoose from 'mongoose';
import { metrics } from './registry';

/**
 * Database latency through the driver's command monitoring (the connection is
 * opened with `monitorCommands: true` in lib/db/connect.ts): every command's
 * duration, by command name (a fixed list; anything else is `other`) and outcome.
 */
const COMMANDS = new Set([
  'find',
  'insert',
  'update',
  'delete',
  'findAndModify',
  'aggregate',
  'count',
  'distinct',
  'getMore',
  'createIndexes',
  'ping',
]);

interface CommandEvent {
  commandName: string;
  duration: number;
}
interface CommandEmitter {
  on(event: 'commandSucceeded' | 'commandFailed', listener: (e: CommandEvent) => void): unknown;
}

const g = globalThis as typeof globalThis & { __trailroomDbWatched?: WeakSet<object> };
const watched = (g.__trailroomDbWatched ??= new WeakSet());

function watchClient(client: CommandEmitter): void {
  if (watched.has(client)) return;
  watched.add(client);
  const observe = (outcome: 'ok' | 'error') => (e: CommandEvent) => {
    const command = COMMANDS.has(e.commandName) ? e.commandName : 'other';
    metrics().dbDuration.observe({ command, outcome }, e.duration / 1000);
  };
  client.on('commandSucceeded', observe('ok'));
  client.on('commandFailed', observe('error'));
}

function currentClient(): CommandEmitter | null {
  try {
    const client = mongoose.connection.getClient() as unknown as CommandEmitter | undefined;
    return client ?? null;
  } catch {
    return null;
  }
}

/** Listens to the default connection's client now and after every (re)connect. Idempotent. */
export function watchDatabase(): void {
  const conn = mongoose.connection as typeof mongoose.connection & { __trailroomWatch?: boolean };
  if (!conn.__trailroomWatch) {
    conn.__trailroomWatch = true;
    conn.on('connected', () => {
      const client = currentClient();
      if (client) watchClient(client);
    });
  }
  const client = currentClient();
  if (client) watchClient(client);
}
