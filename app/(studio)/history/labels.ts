import type { TryonJobResponse } from '@/lib/tryon/schemas';
import type { BadgeTone } from '@/components/ui/badge';

/** Words shared by the wardrobe detail page and the history cards. */
export const STATUS_LABEL: Record<TryonJobResponse['status'], string> = {
  queued: 'Queued',
  processing: 'Generating',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
};

export const STATUS_TONE: Record<TryonJobResponse['status'], BadgeTone> = {
  queued: 'neutral',
  processing: 'info',
  completed: 'success',
  failed: 'danger',
  canceled: 'muted',
};

export const MODE_LABEL: Record<TryonJobResponse['mode'], string> = {
  top: 'Top only',
  full: 'Full outfit',
  one_piece: 'One-piece',
};

/** Who made the picture: the model for a real provider, or the local preview. */
export function providerLabel(job: Pick<TryonJobResponse, 'provider' | 'model'>): string | null {
  if (!job.provider) return null;
  if (job.provider === 'local') return 'Preview — local compositor (no AI model)';
  const company = job.provider === 'gemini' ? 'Google Gemini' : 'OpenAI';
  return job.model ? `${company} · ${job.model}` : company;
}

/** The owner-checked image routes: the result (optionally resized) and a stored input. */
export const resultSrc = (jobId: string, w?: 160 | 320 | 640) =>
  `/api/v1/tryon/${jobId}/image${w ? `?w=${w}` : ''}`;
export const assetSrc = (assetId: string, w?: 160 | 320 | 640) =>
  `/api/assets/${assetId}${w ? `?w=${w}` : ''}`;

/**
 * Links into the studio, prefilled (the studio reads them): `?from=<jobId>`
 * repeats a try-on with the same photo, garments and mode; `?garment=<assetId>`
 * (plus `&bottom=<assetId>` for a full outfit) keeps the garments and asks for
 * a new photo of the person.
 */
export function studioLinks(
  job: TryonJobResponse,
  images: { person: string | null; top: string | null; bottom: string | null },
) {
  const garmentsKept = images.top !== null && (job.mode !== 'full' || images.bottom !== null);
  const garment = garmentsKept
    ? `/studio?${new URLSearchParams({
        garment: images.top ?? '',
        ...(job.mode === 'full' && images.bottom ? { bottom: images.bottom } : {}),
      }).toString()}`
    : null;
  const again = garmentsKept && images.person !== null ? `/studio?from=${job.id}` : null;
  return { garment, again };
}
