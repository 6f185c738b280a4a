import { CompareSlider } from '@/components/tryon/compare-slider';
import { ResultsGrid } from '@/components/tryon/results-grid';
import { Alert } from '@/components/ui/alert';
import { plural } from '@/lib/format';
import type { WardrobeImages } from '@/lib/tryon';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { assetSrc, resultSrc } from '../labels';
import { RefreshWhileRunning } from './refresh-while-running';

/** The picture: before/after while both are stored, the result alone, or the job's state. */
export function ResultView({ job, images }: { job: TryonJobResponse; images: WardrobeImages }) {
  if (job.status === 'queued' || job.status === 'processing') {
    return (
      <div
        className="flex aspect-[3/4] w-full flex-col items-center justify-center gap-3 rounded-xl bg-slate-50 p-6 text-center"
        role="status"
      >
        <RefreshWhileRunning />
        <span
          className="border-t-brand-700 h-8 w-8 animate-spin rounded-full border-2 border-slate-300"
          aria-hidden="true"
        />
        <p className="font-medium text-slate-800">
          {job.status === 'queued' ? 'Waiting to start…' : 'Generating your try-on…'}
        </p>
        <p className="text-sm text-slate-600">This page updates by itself.</p>
      </div>
    );
  }
  if (job.status === 'failed' || job.status === 'canceled') {
    return (
      <Alert tone={job.status === 'failed' ? 'error' : 'info'}>
        <span className="block font-semibold">
          {job.status === 'failed'
            ? 'This try-on could not be generated.'
            : 'This try-on was canceled before it started.'}
        </span>
        {job.status === 'failed' ? (
          <span className="block">{job.error?.message ?? 'Something went wrong.'}</span>
        ) : null}
        <span className="block">
          Its {plural(job.credits_used, 'credit')} {job.credits_used === 1 ? 'was' : 'were'}{' '}
          refunded.
        </span>
      </Alert>
    );
  }
  if (!images.output) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-slate-50 p-8 text-center text-sm text-slate-700">
        The images of this try-on were deleted after the retention period. Its details are kept
        until you delete it.
      </p>
    );
  }
  // Several results: side by side, each with its favourite and download.
  if (job.outputs.length > 1) return <ResultsGrid job={job} />;
  return (
    <>
      {images.person ? (
        <CompareSlider
          beforeSrc={assetSrc(images.person)}
          afterSrc={resultSrc(job.id)}
          placeholderSrc={resultSrc(job.id, 160)}
          beforeAlt="Your photo before the try-on"
          afterAlt="You wearing the garment"
        />
      ) : (
        <>
          {/* eslint-disable-next-line @next/next/no-img-element -- owner-only image from the API */}
          <img
            src={resultSrc(job.id)}
            alt="You wearing the garment"
            className="w-full rounded-xl bg-slate-100 object-contain"
            data-testid="result-image"
          />
          <p className="text-sm text-slate-600">
            Your original photo was deleted after the retention period, so there is nothing to
            compare with.
          </p>
        </>
      )}
      {job.provider === 'local' ? (
        <p className="text-xs text-slate-600">
          Preview made by the local compositor: no AI model is configured on this server. Real
          results come from the configured model.
        </p>
      ) : null}
    </>
  );
}
