'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useApiAction } from '@/lib/client/use-api-action';
import { tryonApi } from '@/lib/client/tryon';
import { plural } from '@/lib/format';
import type { WardrobeImages } from '@/lib/tryon';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { resultSrc, studioLinks } from '../labels';

const action = 'min-h-11 w-full justify-center sm:w-auto';

/** Download, the two ways back into the studio, and delete (confirmed). */
export function WardrobeActions({
  job,
  images,
}: {
  job: TryonJobResponse;
  images: WardrobeImages;
}) {
  const router = useRouter();
  const remove = useApiAction(() => tryonApi.remove(job.id), {
    fallback: 'Could not delete the try-on.',
  });
  const links = studioLinks(job, images);
  const downloadable = job.status === 'completed' && images.output;
  const queued = job.status === 'queued';

  async function onDelete() {
    const done = await remove.run();
    if (!done) return;
    const note = done.result === 'canceled' ? 'canceled' : 'deleted';
    router.push(`/history?${note}=1`);
    router.refresh();
  }

  return (
    <div className="mt-3 flex flex-col gap-4">
      {downloadable ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm font-medium text-slate-800" id="download-label">
            Download
          </p>
          <div className="flex flex-wrap gap-2" role="group" aria-labelledby="download-label">
            <Button asChild className={action}>
              <a href={`${resultSrc(job.id)}?format=jpeg&download=1`} download>
                JPEG
              </a>
            </Button>
            <Button asChild variant="secondary" className={action}>
              <a href={`${resultSrc(job.id)}?download=1`} download>
                WebP
              </a>
            </Button>
          </div>
        </div>
      ) : null}

      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {links.garment ? (
          <Button asChild variant="secondary" className={action}>
            <Link href={links.garment}>
              {job.mode === 'full'
                ? 'Try these garments on another photo'
                : 'Try this garment on another photo'}
            </Link>
          </Button>
        ) : null}
        {links.again ? (
          <Button asChild variant="secondary" className={action}>
            <Link href={links.again}>Try again</Link>
          </Button>
        ) : null}
        {!links.garment && !links.again ? (
          <p className="text-sm text-slate-600">
            The photos of this try-on were deleted after the retention period, so it cannot be
            repeated.{' '}
            <Link href="/studio" className="text-brand-700 font-medium underline">
              Start a new one
            </Link>
            .
          </p>
        ) : null}
      </div>

      <div className="border-t border-slate-100 pt-4">
        <ConfirmDialog
          trigger={
            <Button
              variant="ghost"
              className={`${action} text-red-800 hover:bg-red-50`}
              disabled={job.status === 'processing' || remove.pending}
            >
              {queued ? 'Cancel this try-on' : 'Delete this try-on'}
            </Button>
          }
          title={queued ? 'Cancel this try-on?' : 'Delete this try-on?'}
          description={
            queued
              ? `It has not started yet: your ${plural(job.credits_used, 'credit')} will be refunded.`
              : 'The result and the photos used for it are deleted for good (photos other try-ons still use are kept).'
          }
          cancel="Keep it"
          action={queued ? 'Cancel try-on' : 'Delete'}
          onConfirm={() => void onDelete()}
        />
        {job.status === 'processing' ? (
          <p className="mt-1 text-sm text-slate-600">It can be deleted once it has finished.</p>
        ) : null}
        {remove.error ? <Alert className="mt-3">{remove.error}</Alert> : null}
      </div>
    </div>
  );
}
