import mongoose from 'mongoose';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';

/**
 * One cached Mongoose connection per process, kept on globalThis so that dev
 * hot reload does not open a new pool per edit. An unreachable server fails
 * within MONGODB_CONNECT_TIMEOUT_MS with `service_unavailable`, never hangs.
 */
interface DbCache {
  promise: Promise<typeof mongoose> | null;
}

const globalForDb = globalThis as typeof globalThis & { __trailroomDb?: DbCache };
const cache: DbCache = (globalForDb.__trailroomDb ??= { promise: null });

mongoose.set('strictQuery', true);
// Commands fail fast instead of queueing forever while disconnected.
mongoose.set('bufferCommands', false);

export function databaseUri(): string {
  if (!env.MONGODB_URI) {
    throw new AppError(
      'misconfigured',
      'MONGODB_URI is not set. Run `npm run dev` (it starts an embedded database) or set MONGODB_URI.',
    );
  }
  return env.MONGODB_URI;
}

export async function connectDb(): Promise<typeof mongoose> {
  if (mongoose.connection.readyState === 1) return mongoose;
  if (!cache.promise) {
    const uri = databaseUri();
    cache.promise = mongoose
      .connect(uri, {
        serverSelectionTimeoutMS: env.MONGODB_CONNECT_TIMEOUT_MS,
        connectTimeoutMS: env.MONGODB_CONNECT_TIMEOUT_MS,
        maxPoolSize: 20,
        // Command timings feed the database latency histogram (lib/metrics).
        monitorCommands: true,
        // Indexes are created explicitly by ensureIndexes() (seed, tests).
        autoIndex: false,
      })
      .catch((err: unknown) => {
        cache.promise = null;
        logger.error(
          { err: err instanceof Error ? err.message : String(err) },
          'database connection failed',
        );
        throw new AppError(
          'service_unavailable',
          'The database is unreachable. Try again shortly.',
          { cause: err, retryAfter: 5 },
        );
      });
  }
  return cache.promise;
}

export async function disconnectDb(): Promise<void> {
  cache.promise = null;
  await mongoose.disconnect();
}

/** Round-trips a ping; used by /api/ready. */
export async function pingDb(): Promise<
  { ok: true; latencyMs: number } | { ok: false; reason: string }
> {
  const started = performance.now();
  try {
    const conn = await connectDb();
    const db = conn.connection.db;
    if (!db) return { ok: false, reason: 'no database handle' };
    await db.admin().ping();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, reason: err instanceof AppError ? err.message : 'database ping failed' };
  }
}
