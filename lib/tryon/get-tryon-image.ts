import { AppError } from '@/lib/errors';
import { getImageForOwner, imageResponse } from '@/lib/storage';
import { getTryonJobOrThrow } from './get-tryon-job-or-throw';

/** The output image of the caller's completed job; 409 while it is not completed. */
export async function getTryonImageResponse(
  userId: string,
  jobId: string,
  opts: { ifNoneMatch?: string | null; download?: boolean } = {},
): Promise<Response> {
  const job = await getTryonJobOrThrow(userId, jobId);
  if (job.status !== 'completed' || !job.outputImageId) {
    throw new AppError(
      'invalid_state',
      `The job is ${job.status}; its image exists once it is completed`,
      {
        details: { status: job.status },
      },
    );
  }
  const image = await getImageForOwner(job.outputImageId.toString(), userId);
  const response = imageResponse(image, {
    ifNoneMatch: opts.ifNoneMatch ?? null,
    downloadName: `trailroom-${jobId}.webp`,
  });
  if (opts.download) {
    response.headers.set('Content-Disposition', `attachment; filename="trailroom-${jobId}.webp"`);
  }
  return response;
}
