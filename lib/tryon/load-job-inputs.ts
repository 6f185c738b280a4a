import { getImageForOwner } from '@/lib/storage';
import type { TryonMode } from '@/models/tryon-job';
import { findJobOrThrow, jobImageIds } from './find-job';
import { GenerationError } from './generation-error';

export interface JobInputs {
  userId: string;
  mode: TryonMode;
  /** Results to generate (1–4). */
  samples: number;
  images: Array<{
    role: 'user' | 'top' | 'bottom';
    id: string;
    width: number;
    height: number;
    size: number;
  }>;
}

/**
 * Checks that the job's stored inputs are still there (metadata only: the
 * bytes are read by the generation step itself). A missing input is final.
 */
export async function loadJobInputs(jobId: string): Promise<JobInputs> {
  const job = await findJobOrThrow(jobId);
  const ownerId = job.userId.toString();
  const ids = jobImageIds(job);
  const refs = [
    { role: 'user' as const, id: ids.userImageId },
    { role: 'top' as const, id: ids.topImageId },
    ...(ids.bottomImageId ? [{ role: 'bottom' as const, id: ids.bottomImageId }] : []),
  ];
  const images = await Promise.all(
    refs.map(async (ref) => {
      try {
        const meta = await getImageForOwner(ref.id, ownerId, { withData: false });
        return { ...ref, width: meta.width, height: meta.height, size: meta.size };
      } catch {
        throw new GenerationError(
          'input_missing',
          `The ${ref.role} image of this job is no longer stored`,
          false,
        );
      }
    }),
  );
  return { userId: ownerId, mode: job.mode, samples: job.samples ?? 1, images };
}
