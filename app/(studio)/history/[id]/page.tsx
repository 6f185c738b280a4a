import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { ReportResult } from '@/components/tryon/report-result';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import { requirePageUser } from '@/lib/auth/caller';
import { AppError } from '@/lib/errors';
import { getWardrobeItem, type WardrobeItem } from '@/lib/tryon';
import { STATUS_LABEL, STATUS_TONE } from '../labels';
import { GarmentList } from './garment-list';
import { JobFacts } from './job-facts';
import { ResultView } from './result-view';
import { WardrobeActions } from './wardrobe-actions';

const TITLES = {
  top: 'Top-only try-on',
  full: 'Full-outfit try-on',
  one_piece: 'One-piece try-on',
} as const;

export const metadata: Metadata = { title: 'Try-on · History' };
export const dynamic = 'force-dynamic';

async function loadItem(userId: string, id: string): Promise<WardrobeItem> {
  try {
    return await getWardrobeItem(userId, id);
  } catch (err) {
    // Someone else's try-on, a deleted one and a malformed id all read as absent.
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  }
}

// One try-on from the wardrobe: before/after, the garments, the facts, and what to do next.
export default async function TryonDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageUser({ returnTo: `/history/${id}` });
  const { job, images } = await loadItem(caller.ownerId, id);
  const title = TITLES[job.mode];

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb">
        <Link
          href="/history"
          className="text-brand-700 -ml-2 inline-flex min-h-11 items-center rounded px-2 text-sm font-medium hover:underline"
        >
          ← History
        </Link>
      </nav>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-slate-600">
          <LocalTime value={job.created_at} />
          <Badge tone={STATUS_TONE[job.status]}>{STATUS_LABEL[job.status]}</Badge>
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="flex flex-col gap-3 p-4 sm:p-6">
          <h2 className="sr-only">Result</h2>
          <ResultView job={job} images={images} />
        </Card>

        <div className="flex min-w-0 flex-col gap-6">
          <Card className="p-4 sm:p-6">
            <h2 className="text-lg font-semibold text-slate-900">Actions</h2>
            <WardrobeActions job={job} images={images} />
          </Card>
          {job.status === 'completed' ? (
            <Card className="p-4 sm:p-6">
              <h2 className="text-lg font-semibold text-slate-900">Not what you expected?</h2>
              <ReportResult job={job} className="mt-3" />
            </Card>
          ) : null}
          <Card className="p-4 sm:p-6">
            <h2 className="text-lg font-semibold text-slate-900">
              {job.mode === 'full' ? 'Garments' : 'Garment'}
            </h2>
            <GarmentList job={job} images={images} />
          </Card>
          <Card className="p-4 sm:p-6">
            <h2 className="text-lg font-semibold text-slate-900">Details</h2>
            <JobFacts job={job} />
          </Card>
        </div>
      </div>
    </div>
  );
}
