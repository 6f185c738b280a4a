import { CapEntry } from '@/models/cap-entry';

/** Deletes counter entries of periods that ended over CAP_RETENTION_MS ago (a daily cron). */
export async function pruneCapEntries(now: Date = new Date()): Promise<number> {
  const { deletedCount } = await CapEntry.deleteMany({ expiresAt: { $lt: now } });
  return deletedCount ?? 0;
}
