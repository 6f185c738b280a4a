import { Types } from 'mongoose';
import { logger } from '@/lib/log';
import { deleteImagesIfUnused } from '@/lib/storage';
import { Organization, ORG_SETTINGS_DEFAULTS } from '@/models/organization';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';

/** The purge runs this often, so "deleted within N hours" holds: a job is purged this much early. */
export const WIDGET_PURGE_INTERVAL_MS = 15 * 60 * 1000;
/** The shortest retention an organisation can set (models/organization: 1 hour). */
const MIN_RETENTION_MS = 60 * 60 * 1000;
/** Widget jobs are looked at for this long after their retention (a missed run catches up). */
const LOOKBACK_MS = 40 * 24 * 60 * 60 * 1000;
const BATCH = 500;

type Candidate = Pick<TryonJobDoc, '_id' | 'userId' | 'inputs' | 'outputImageId' | 'queuedAt'> & {
  /** Several results (samples), where the job has them. */
  outputs?: Array<{ assetId?: Types.ObjectId | null }> | null;
};

/** The shopper's images of a widget job: their photo and the results — never the product's photo. */
function shopperImageIds(job: Candidate): string[] {
  const ids = [
    job.inputs?.userImageId,
    job.outputImageId,
    ...(job.outputs ?? []).map((o) => o.assetId),
  ];
  return ids.filter((id): id is Types.ObjectId => Boolean(id)).map((id) => id.toString());
}

/**
 * Storefront privacy: a widget try-on's shopper photo and results are deleted
 * once the organisation's `widgetRetentionHours` (default 24) have passed —
 * a little early, so that runs every 15 minutes keep the promise "deleted
 * within N hours". The product's own photo (the job's garment input) is the
 * shop's and stays. An image also used by a job that is not yet due (the same
 * photo tried on another size) is kept until that one is due. Each purged job
 * is marked `photosPurgedAt`; its image route then answers 404.
 */
export async function purgeWidgetPhotos(
  now: Date = new Date(),
): Promise<{ jobs: number; images: number }> {
  const due = await TryonJob.find({
    'source.kind': 'widget',
    createdAt: {
      $lt: new Date(now.getTime() - MIN_RETENTION_MS + WIDGET_PURGE_INTERVAL_MS),
      $gte: new Date(now.getTime() - LOOKBACK_MS),
    },
    photosPurgedAt: { $exists: false },
    status: { $in: ['completed', 'failed', 'canceled'] },
  })
    .select({ userId: 1, inputs: 1, outputImageId: 1, outputs: 1, queuedAt: 1 })
    .limit(BATCH)
    .lean<Candidate[]>();
  const byOrg = new Map<string, Candidate[]>();
  for (const job of due) {
    const list = byOrg.get(job.userId.toString()) ?? [];
    list.push(job);
    byOrg.set(job.userId.toString(), list);
  }
  let jobs = 0;
  let images = 0;
  for (const [orgId, list] of byOrg) {
    const org = await Organization.findById(orgId).select({ settings: 1 }).lean();
    const hours = org?.settings?.widgetRetentionHours ?? ORG_SETTINGS_DEFAULTS.widgetRetentionHours;
    const cutoff = now.getTime() - hours * 3_600_000 + WIDGET_PURGE_INTERVAL_MS;
    const expired = list.filter((j) => j.queuedAt.getTime() <= cutoff);
    if (expired.length === 0) continue;
    try {
      const result = await deleteImagesIfUnused(expired.flatMap(shopperImageIds), orgId, {
        exceptJobIds: expired.map((j) => j._id.toString()),
      });
      await TryonJob.updateMany(
        { _id: { $in: expired.map((j) => j._id) } },
        { $set: { photosPurgedAt: now } },
      );
      jobs += expired.length;
      images += result.deleted.length;
    } catch (err) {
      logger.error(
        { orgId, err: err instanceof Error ? err.message : String(err) },
        'could not purge widget photos',
      );
    }
  }
  return { jobs, images };
}
