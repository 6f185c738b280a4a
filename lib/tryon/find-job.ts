import { Types } from 'mongoose';
import { notFound } from '@/lib/errors';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';

export function parseJobId(id: string): Types.ObjectId | null {
  return Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null;
}

/** A job by id, whoever owns it (background work). */
export async function findJob(jobId: string): Promise<TryonJobDoc | null> {
  const _id = parseJobId(jobId);
  if (!_id) return null;
  return await TryonJob.findById(_id).lean<TryonJobDoc>();
}

export async function findJobOrThrow(jobId: string): Promise<TryonJobDoc> {
  const job = await findJob(jobId);
  if (!job) throw notFound('Try-on job');
  return job;
}

export interface JobImageIds {
  userImageId: string;
  topImageId: string;
  bottomImageId?: string;
  outputImageId?: string;
}

/** The job's image ids as strings (inputs are required by the schema; typed optional by Mongoose). */
export function jobImageIds(job: Pick<TryonJobDoc, 'inputs' | 'outputImageId'>): JobImageIds {
  const inputs = job.inputs;
  if (!inputs?.userImageId || !inputs.topImageId)
    throw new Error('try-on job without input images');
  return {
    userImageId: inputs.userImageId.toString(),
    topImageId: inputs.topImageId.toString(),
    ...(inputs.bottomImageId ? { bottomImageId: inputs.bottomImageId.toString() } : {}),
    ...(job.outputImageId ? { outputImageId: job.outputImageId.toString() } : {}),
  };
}

/** Every image id the job points at, every result of a several-sample job included. */
export function allJobImageIds(
  job: Pick<TryonJobDoc, 'inputs' | 'outputImageId'> & Partial<Pick<TryonJobDoc, 'outputs'>>,
): string[] {
  const ids = jobImageIds(job);
  const outputs = (job.outputs ?? []).map((o) => (o.assetId ? o.assetId.toString() : undefined));
  return [
    ...new Set(
      [ids.userImageId, ids.topImageId, ids.bottomImageId, ids.outputImageId, ...outputs].filter(
        (id): id is string => Boolean(id),
      ),
    ),
  ];
}
