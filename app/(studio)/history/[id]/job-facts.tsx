import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';
import { formatDuration, plural } from '@/lib/format';
import type { TryonJobResponse } from '@/lib/tryon/schemas';
import { MODE_LABEL, providerLabel, STATUS_LABEL, STATUS_TONE } from '../labels';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 border-b border-slate-100 py-2.5 last:border-0">
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="text-right text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

/** The try-on's facts: status, mode, cost, when, how long, and which model made it. */
export function JobFacts({ job }: { job: TryonJobResponse }) {
  const made = providerLabel(job);
  const refunded = job.status === 'failed' || job.status === 'canceled';
  return (
    <dl className="mt-2" data-testid="job-facts">
      <Fact term="Status">
        <Badge tone={STATUS_TONE[job.status]}>{STATUS_LABEL[job.status]}</Badge>
      </Fact>
      <Fact term="Mode">{MODE_LABEL[job.mode]}</Fact>
      {job.samples > 1 ? (
        <Fact term="Results">
          {job.outputs.length} of {job.samples}
          {job.samples_failed > 0 ? (
            <span className="font-normal text-slate-600">
              {' '}
              ({plural(job.samples_failed, 'failed result')} refunded)
            </span>
          ) : null}
        </Fact>
      ) : null}
      <Fact term="Cost">
        {plural(job.credits_used, 'credit')}
        {refunded ? <span className="font-normal text-slate-600"> (refunded)</span> : null}
      </Fact>
      <Fact term="Created">
        <LocalTime value={job.created_at} />
      </Fact>
      {job.processing_ms != null && job.status === 'completed' ? (
        <Fact term="Generated in">{formatDuration(job.processing_ms)}</Fact>
      ) : null}
      {made ? <Fact term="Made by">{made}</Fact> : null}
      {job.prompt_version != null ? (
        <Fact term="Instructions">Version {job.prompt_version}</Fact>
      ) : null}
      <Fact term="Started from">{job.source === 'api' ? 'The API' : 'The studio'}</Fact>
    </dl>
  );
}
