import { Asset } from '@/models';
import {
  deleteObjects,
  listObjectPages,
  OBJECT_KEY_PREFIX,
  objectStoreConfigured,
} from './object-store';

/** An object younger than this may be an upload whose asset document is being written. */
export const ORPHAN_OBJECT_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SweepOrphanObjectsResult {
  scanned: number;
  deleted: number;
}

/** `images/<ownerId>/<sha256>/<assetId>` → the asset id, or null for a key we did not write. */
function assetIdOf(key: string): string | null {
  const parts = key.split('/');
  if (parts.length !== 4 || parts[0] !== OBJECT_KEY_PREFIX) return null;
  const id = parts[3] as string;
  return /^[0-9a-f]{24}$/.test(id) ? id : null;
}

/**
 * Retention (daily cron; nothing to do without a bucket): deletes objects no
 * asset document points at — a crash between the upload and the document
 * insert, a bucket delete that failed after the document went — once they
 * are older than `olderThan` (default: the grace period), so an upload in
 * flight is never taken. The asset id is the key's last segment: each
 * object is checked with one read by `_id` (the lookup FerretDB pushes down),
 * and it is an orphan unless that asset exists and names this very key.
 * Keys outside `images/<owner>/<sha>/<id>` are left alone.
 */
export async function sweepOrphanObjects(
  opts: { olderThan?: Date; now?: Date } = {},
): Promise<SweepOrphanObjectsResult> {
  const cutoff =
    opts.olderThan ?? new Date((opts.now ?? new Date()).getTime() - ORPHAN_OBJECT_GRACE_MS);
  const totals: SweepOrphanObjectsResult = { scanned: 0, deleted: 0 };
  if (!objectStoreConfigured()) return totals;
  for await (const page of listObjectPages(`${OBJECT_KEY_PREFIX}/`)) {
    totals.scanned += page.length;
    const candidates = page.filter(
      (o) => o.lastModified !== undefined && o.lastModified < cutoff && assetIdOf(o.key),
    );
    const orphans: string[] = [];
    // A few reads at a time: a page holds up to 1,000 keys.
    for (let i = 0; i < candidates.length; i += 20) {
      const chunk = candidates.slice(i, i + 20);
      const owners = await Promise.all(
        chunk.map((o) =>
          Asset.findById(assetIdOf(o.key), { _id: 1, objectKey: 1 }).lean<{
            objectKey?: string | null;
          }>(),
        ),
      );
      chunk.forEach((o, k) => {
        if (owners[k]?.objectKey !== o.key) orphans.push(o.key);
      });
    }
    if (orphans.length) {
      await deleteObjects(orphans);
      totals.deleted += orphans.length;
    }
  }
  return totals;
}
