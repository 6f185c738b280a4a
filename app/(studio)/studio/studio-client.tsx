'use client';

import type { TryonJobResponse, TryonMode } from '@/lib/tryon/schemas';
import { StudioForm } from './studio-form';
import { StudioResult } from './studio-result';
import { useStudio } from './use-studio';

export interface StudioClientProps {
  balance: { free: number; paid: number; total: number };
  costs: Record<TryonMode, number>;
  /** Whether each mode runs on the local compositor (no model keys configured). */
  localPreview: Record<TryonMode, boolean>;
  /** A try-on of this user still running (started before a reload or in another tab): followed at once. */
  resume?: TryonJobResponse;
}

export function StudioClient({ balance, costs, localPreview, resume }: StudioClientProps) {
  const s = useStudio(resume);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <StudioForm
        balance={balance}
        costs={costs}
        mode={s.mode}
        onModeChange={s.setMode}
        images={s.images}
        setImage={s.setImage}
        busy={s.busy}
        submitError={s.submitError}
        onSubmit={() => void s.submit()}
      />
      <StudioResult
        resultRef={s.resultRef}
        phase={s.phase}
        busy={s.busy}
        job={s.job}
        person={s.images.person}
        uploadPercent={s.uploadPercent}
        elapsed={s.elapsed}
        failedAt={s.failedAt}
        localPreview={localPreview[s.mode]}
        onReset={s.reset}
      />
    </div>
  );
}
