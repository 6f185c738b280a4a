import {
  ThumbnailCache,
  cachedThumbnail,
  thumbnailCache,
  type ThumbnailWidth,
} from '@/lib/images/thumbnail';
import { convertToJpeg } from '@/lib/images/convert-to-jpeg';
import { getImageForOwner } from '@/lib/storage';
import { etagMatches, imageResponse } from './image-response';
import { getTryonOutputOrThrow } from '@/lib/tryon/get-tryon-output-or-throw';

/**
 * GET /api/v1/tryon/{id}/image as HTTP: the output of the caller's completed
 * job (getTryonOutputOrThrow: 404 / 409), whole, as a thumbnail `width`
 * pixels wide or as JPEG. A job's output never changes once completed, so
 * every variant is cached privately for a year and validated by an ETag of
 * the content hash (plus the variant).
 */
export async function tryonImageResponse(
  userId: string,
  jobId: string,
  opts: {
    ifNoneMatch?: string | null;
    download?: boolean;
    width?: ThumbnailWidth;
    /** `jpeg`: the full image re-encoded as JPEG (a width is then ignored). */
    format?: 'webp' | 'jpeg';
    /** One result of a several-sample job (its sample number); default the first. */
    output?: number;
    /** False for a test key: only test jobs are found (default live). */
    livemode?: boolean;
  } = {},
): Promise<Response> {
  const { assetId } = await getTryonOutputOrThrow(userId, jobId, opts.output, {
    livemode: opts.livemode !== false,
  });
  const base = `trailroom-${jobId}${opts.output !== undefined ? `-${opts.output}` : ''}`;
  const suffix = opts.width ? `-w${opts.width}` : '';
  const fileName = `${base}${suffix}.webp`;
  let response: Response;
  if (opts.format === 'jpeg') {
    response = await jpegResponse(assetId, userId, opts.ifNoneMatch ?? null);
    if (opts.download && response.status === 200) {
      response.headers.set('Content-Disposition', `attachment; filename="${base}.jpg"`);
    }
    return response;
  }
  if (opts.width) {
    const width = opts.width;
    // Revalidation first, from the metadata alone: a 304 neither loads bytes nor resizes.
    const meta = await getImageForOwner(assetId, userId, { withData: false });
    const etagHash = `${meta.sha256}-w${width}`;
    if (etagMatches(opts.ifNoneMatch, `"${etagHash}"`)) {
      response = imageResponse({ ...meta, sha256: etagHash }, { ifNoneMatch: opts.ifNoneMatch });
    } else {
      // A cached thumbnail is served without loading the full image.
      const thumb =
        thumbnailCache.get(ThumbnailCache.key(meta.sha256, width)) ??
        (await cachedThumbnail(await getImageForOwner(assetId, userId), width));
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
    const image = await getImageForOwner(assetId, userId);
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
