import { AppError } from '@/lib/errors';
import { getImageForOwner } from '@/lib/storage';
import { getTryonJobOrThrow } from './get-tryon-job-or-throw';
import type { TryonJobResponse } from './schemas';
import { serializeJob } from './serialize';

/** Which of a job's images are still stored (retention deletes inputs and outputs after N days). */
export interface WardrobeImages {
  person: string | null;
  top: string | null;
  bottom: string | null;
  output: boolean;
}

/** One try-on for its detail page: the job and which of its images can still be shown. */
export interface WardrobeItem {
  job: TryonJobResponse;
  images: WardrobeImages;
}

/** The asset id when the owner's image is still stored (metadata read by `_id`, no bytes); else null. */
async function stillStored(assetId: string | undefined, userId: string): Promise<string | null> {
  if (!assetId) return null;
  try {
    await getImageForOwner(assetId, userId, { withData: false });
    return assetId;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

/**
 * The caller's try-on for the wardrobe detail page. Someone else's id, a
 * malformed one and a missing one are all `not_found` (the page answers 404).
 */
export async function getWardrobeItem(userId: string, jobId: string): Promise<WardrobeItem> {
  const doc = await getTryonJobOrThrow(userId, jobId);
  const job = serializeJob(doc);
  const [person, top, bottom, output] = await Promise.all([
    stillStored(job.inputs?.user_image_id, userId),
    stillStored(job.inputs?.top_image_id, userId),
    stillStored(job.inputs?.bottom_image_id, userId),
    job.status === 'completed' && doc.outputImageId
      ? stillStored(doc.outputImageId.toString(), userId)
      : Promise.resolve(null),
  ]);
  return { job, images: { person, top, bottom, output: output !== null } };
}
