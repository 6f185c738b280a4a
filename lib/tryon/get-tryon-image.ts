import { AppError } from '@/lib/errors';
import {
  ThumbnailCache,
  cachedThumbnail,
  thumbnailCache,
  type ThumbnailWidth,
} from '@/lib/images/thumbnail';
import { convertToJpeg } from '@/lib/images/convert-to-jpeg';
import { etagMatches, getImageForOwner, imageResponse } from '@/lib/storage';
import { getTryonJobOrThrow } from './get-tryon-job-or-throw';

/**
 * The output image of the caller's completed job, whole or as a thumbnail
 * `width` pixels wide; 409 while it is not completed. A job's output never
 * changes once completed, so every variant is cached privately for a year
 * and validated by an ETag of the content hash (plus the width).
 */
export async function getTryonImageResponse(
  userId: string,
  jobId: string,
  opts: {
    ifNoneMatch?: string | null;
    download?: boolean;
    width?: ThumbnailWidth;
    /** `jpeg`: the full image re-encoded as JPEG (a width is then ignored). */
    format?: 'webp' | 'jpeg';
  } = {},
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
  const suffix = opts.width ? `-w${opts.width}` : '';
  const fileName = `trailroom-${jobId}${suffix}.webp`;
  let response: Response;
  if (opts.format === 'jpeg') {
    response = await jpegResponse(job.outputImageId.toString(), userId, opts.ifNoneMatch ?? null);
    if (opts.download && response.status === 200) {
      response.headers.set('Content-Disposition', `attachment; filename="trailroom-${jobId}.jpg"`);
    }
    return response;
  }
  if (opts.width) {
    const width = opts.width;
    // Revalidation first, from the metadata alone: a 304 neither loads bytes nor resizes.
    const meta = await getImageForOwner(job.outputImageId.toString(), userId, { withData: false });
    const etagHash = `${meta.sha256}-w${width}`;
    if (etagMatches(opts.ifNoneMatch, `"${etagHash}"`)) {
      response = imageResponse({ ...meta, sha256: etagHash }, { ifNoneMatch: opts.ifNoneMatch });
    } else {
      // A cached thumbnail is served without loading the full image.
      const thumb =
        thumbnailCache.get(ThumbnailCache.key(meta.sha256, width)) ??
        (await cachedThumbnail(
          await getImageForOwner(job.outputImageId.toString(), userId),
          width,
        ));
      response = imageResponse(
        {
          ...meta,
          sha256: etagHash,
          data: thumb.data,
          contentType: thumb.contentType,
          width: thumb.width,
          height: thumb.height,
          size: thumb.data.byteLength,
        },
        { downloadName: fileName },
      );
    }
  } else {
    const image = await getImageForOwner(job.outputImageId.toString(), userId);
    response = imageResponse(image, {
      ifNoneMatch: opts.ifNoneMatch ?? null,
      downloadName: fileName,
    });
  }
  if (opts.download && response.status === 200) {
    response.headers.set('Content-Disposition', `attachment; filename="${fileName}"`);
  }
  return response;
}

/** The output as a JPEG, converted on request; ETag "<sha256>-jpeg" answers 304 from metadata alone. */
async function jpegResponse(
  assetId: string,
  userId: string,
  ifNoneMatch: string | null,
): Promise<Response> {
  const meta = await getImageForOwner(assetId, userId, { withData: false });
  const etagHash = `${meta.sha256}-jpeg`;
  if (etagMatches(ifNoneMatch, `"${etagHash}"`)) {
    return imageResponse({ ...meta, sha256: etagHash }, { ifNoneMatch });
  }
  const data = await convertToJpeg((await getImageForOwner(assetId, userId)).data);
  return imageResponse({
    ...meta,
    sha256: etagHash,
    data,
    contentType: 'image/jpeg',
    size: data.byteLength,
  });
}
