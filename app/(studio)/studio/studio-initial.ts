import type { StudioImage } from '@/components/tryon/studio-image';
import { AppError } from '@/lib/errors';
import { getPhotoOrThrow } from '@/lib/photos';
import { getImageForOwner } from '@/lib/storage';
import { getTryonJobOrThrow, serializeJob } from '@/lib/tryon';
import type { StudioInitial } from './use-studio';

const asset = (id: string, label: string): StudioImage => ({
  source: 'ref',
  ref: `asset:${id}`,
  url: `/api/assets/${id}`,
  label,
});

const orNull = <T>(p: Promise<T>) =>
  p.catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  });

/**
 * The studio prefilled by a link: `?from=<jobId>` (try again: that try-on's
 * photos and mode), `?garment=<assetId>` (this garment on another photo),
 * (`&bottom=<assetId>`: a full outfit), `?photo=<savedPhotoId>` (from My
 * photos). Each is owner-checked; an id that
 * is not the caller's is ignored, like a missing one. `userId` is the
 * account (an organisation in organisation context); saved photos are the
 * person's own (`personId`).
 */
export async function studioInitial(
  userId: string,
  sp: Record<string, string | undefined>,
  personId: string = userId,
): Promise<StudioInitial> {
  const initial: StudioInitial = { images: {} };
  if (sp.from) {
    const job = await orNull(getTryonJobOrThrow(userId, sp.from));
    const inputs = job ? serializeJob(job).inputs : undefined;
    if (job && inputs) {
      initial.mode = job.mode;
      initial.images = {
        person: asset(inputs.user_image_id, 'Your photo from an earlier try-on'),
        top: asset(inputs.top_image_id, 'Garment from an earlier try-on'),
        ...(inputs.bottom_image_id
          ? { bottom: asset(inputs.bottom_image_id, 'Garment from an earlier try-on') }
          : {}),
      };
    }
  }
  if (sp.garment) {
    const img = await orNull(getImageForOwner(sp.garment, userId, { withData: false }));
    if (img) initial.images = { ...initial.images, top: asset(sp.garment, 'Garment from History') };
  }
  if (sp.bottom) {
    const img = await orNull(getImageForOwner(sp.bottom, userId, { withData: false }));
    if (img) {
      initial.mode = 'full';
      initial.images = { ...initial.images, bottom: asset(sp.bottom, 'Garment from History') };
    }
  }
  if (sp.photo) {
    const photo = await orNull(getPhotoOrThrow(personId, sp.photo));
    if (photo) initial.images = { ...initial.images, person: asset(sp.photo, 'From My photos') };
  }
  return initial;
}

/** The free top-up time and the server's clock, so "in about N hours" renders alike on both sides. */
export function refillInfo(nextTopUpAt: Date, dailyFree: number) {
  return { refill: { nextTopUpAt: nextTopUpAt.toISOString(), dailyFree }, now: Date.now() };
}
