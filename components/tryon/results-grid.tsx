'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { errorMessage } from '@/lib/client/api-error';
import { jobImagePath, tryonApi } from '@/lib/client/tryon';
import { plural } from '@/lib/format';
import type { TryonJobResponse } from '@/lib/tryon/schemas';

type Output = TryonJobResponse['outputs'][number];

/** `/image?output=n` plus more query parameters. */
function outputPath(jobId: string, sample: number, query: string): string {
  return `${jobImagePath(jobId, sample)}&${query}`;
}

/**
 * The results of a several-result try-on side by side: each with a favourite toggle
 * (kept per result; the try-on stays in the wardrobe while any result is kept) and its own
 * download. Two columns on a phone, as many as results (up to 4) on a wide screen.
 */
export function ResultsGrid({
  job,
  onChange,
}: {
  job: Pick<TryonJobResponse, 'id' | 'outputs' | 'samples' | 'samples_failed' | 'credits_used'>;
  /** Told the job as the server answered after a favourite change. */
  onChange?: (job: TryonJobResponse) => void;
}) {
  const [favorites, setFavorites] = useState<Record<number, boolean>>(() =>
    Object.fromEntries(job.outputs.map((o) => [o.sample, o.favorite])),
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const refunded = job.samples > 0 ? (job.credits_used / job.samples) * job.samples_failed : 0;

  async function toggle(o: Output) {
    const next = !favorites[o.sample];
    setFavorites((f) => ({ ...f, [o.sample]: next }));
    setPending(o.sample);
    setError(null);
    try {
      const updated = await tryonApi.setFavorite(job.id, next, o.sample);
      onChange?.(updated);
    } catch (err) {
      setFavorites((f) => ({ ...f, [o.sample]: !next }));
      setError(errorMessage(err, 'Could not update the favourite.'));
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="flex min-w-0 flex-col gap-3" data-testid="results-grid">
      <ul
        className={cn(
          'grid min-w-0 grid-cols-2 gap-3',
          job.outputs.length >= 3 ? 'xl:grid-cols-3' : '',
          job.outputs.length >= 4 ? '2xl:grid-cols-4' : '',
        )}
      >
        {job.outputs.map((o, i) => {
          const kept = Boolean(favorites[o.sample]);
          const label = `Result ${i + 1} of ${job.outputs.length}`;
          return (
            <li
              key={o.sample}
              className="flex min-w-0 flex-col gap-2 rounded-xl border border-slate-200 bg-white p-2"
              data-testid="result-output"
            >
              <a
                href={jobImagePath(job.id, o.sample)}
                target="_blank"
                rel="noopener"
                className="focus-visible:outline-brand-700 block overflow-hidden rounded-lg bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- our own owner-checked image route */}
                <img
                  src={outputPath(job.id, o.sample, 'w=640')}
                  alt={`${label}: you wearing the garment`}
                  className="aspect-[3/4] w-full object-contain"
                  loading="lazy"
                />
              </a>
              <p className="text-xs text-slate-600">
                {label}
                {o.seed !== undefined ? (
                  <span className="tabular-nums"> · seed {o.seed}</span>
                ) : null}
              </p>
              <div className="flex min-w-0 flex-wrap gap-2">
                <Button
                  variant={kept ? 'primary' : 'secondary'}
                  className="h-11 min-w-0 flex-1 px-2"
                  aria-pressed={kept}
                  aria-label={`Keep result ${i + 1} as a favourite`}
                  disabled={pending === o.sample}
                  onClick={() => void toggle(o)}
                >
                  <span aria-hidden="true">{kept ? '♥' : '♡'}</span>
                  <span className="ml-1">{kept ? 'Kept' : 'Keep'}</span>
                </Button>
                <Button variant="ghost" asChild className="h-11 min-w-0 flex-1 px-2">
                  <a
                    href={outputPath(job.id, o.sample, 'download=1')}
                    download={`trailroom-${job.id}-${o.sample}.webp`}
                    aria-label={`Download result ${i + 1}`}
                  >
                    Download
                  </a>
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      {job.samples_failed > 0 ? (
        <p className="text-sm text-slate-700" data-testid="samples-failed">
          {plural(job.samples_failed, 'result')} could not be generated;{' '}
          {plural(refunded, 'credit')} {refunded === 1 ? 'was' : 'were'} refunded.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
