import { Types } from 'mongoose';
import { Product, SavedPhoto, TryonJob } from '@/models';

const REF_FIELDS = [
  'inputs.userImageId',
  'inputs.topImageId',
  'inputs.bottomImageId',
  'outputImageId',
  'outputs.assetId',
] as const;

interface JobRefs {
  inputs?: {
    userImageId?: Types.ObjectId;
    topImageId?: Types.ObjectId;
    bottomImageId?: Types.ObjectId | null;
  };
  outputImageId?: Types.ObjectId | null;
  /** Every result of a several-sample job. */
  outputs?: Array<{ assetId?: Types.ObjectId | null }>;
}

/**
 * The subset of `assetIds` that some try-on job (matching `jobFilter`) still
 * points at, as an input or as its output, or that is a saved photo or a
 * catalog product's image. Content
 * addressing makes one asset the input of many jobs, so an image is never
 * "the job's own".
 */
export async function findReferencedAssets(
  assetIds: readonly Types.ObjectId[],
  jobFilter: Record<string, unknown>,
): Promise<Set<string>> {
  if (assetIds.length === 0) return new Set();
  const jobs = await TryonJob.find(
    { ...jobFilter, $or: REF_FIELDS.map((f) => ({ [f]: { $in: assetIds } })) },
    { inputs: 1, outputImageId: 1, outputs: 1 },
  ).lean<JobRefs[]>();
  const wanted = new Set(assetIds.map((id) => id.toString()));
  const used = new Set<string>();
  for (const job of jobs) {
    for (const ref of [
      job.inputs?.userImageId,
      job.inputs?.topImageId,
      job.inputs?.bottomImageId,
      job.outputImageId,
      ...(job.outputs ?? []).map((o) => o.assetId),
    ]) {
      const id = ref?.toString();
      if (id && wanted.has(id)) used.add(id);
    }
  }
  // A saved photo (lib/photos) keeps its image; its `_id` is the asset's id.
  const saved = await SavedPhoto.find({ _id: { $in: [...assetIds] } }, { _id: 1 }).lean();
  for (const p of saved) used.add(p._id.toString());
  // A catalog product (lib/products) keeps its images for as long as it exists.
  const products = await Product.find({ images: { $in: [...assetIds] } }, { images: 1 }).lean<
    Array<{ images: Types.ObjectId[] }>
  >();
  for (const p of products)
    for (const id of p.images) if (wanted.has(id.toString())) used.add(id.toString());
  return used;
}
