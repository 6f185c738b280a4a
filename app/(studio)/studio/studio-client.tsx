'use client';

import type { TryonJobResponse, TryonMode } from '@/lib/tryon/schemas';
import type { PackInfo, RefillInfo } from './studio-credit-banner';
import { StudioForm } from './studio-form';
import { StudioResult } from './studio-result';
import { useStudio, type StudioInitial } from './use-studio';

export interface StudioClientProps {
  balance: { free: number; paid: number; total: number };
  costs: Record<TryonMode, number>;
  /** Whether each mode runs on the local compositor (no model keys configured). */
  localPreview: Record<TryonMode, boolean>;
  /** A try-on of this user still running (started before a reload or in another tab): followed at once. */
  resume?: TryonJobResponse;
  /** Photos and mode given by a link (`?from=<jobId>`, `?garment=<assetId>`, `?photo=<id>`). */
  initial?: StudioInitial;
  refill: RefillInfo;
  cheapest: PackInfo;
  /** The server's clock at render, so "in about N hours" renders the same on both sides. */
  now: number;
}

export function StudioClient(props: StudioClientProps) {
  const s = useStudio(props.resume, props.initial);
  const canAfford = props.balance.total >= props.costs[s.mode] * s.samples;
  return (
    <div className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <StudioForm
        s={s}
        balance={props.balance}
        costs={props.costs}
        refill={props.refill}
        cheapest={props.cheapest}
        now={props.now}
      />
      <StudioResult
        s={s}
        localPreview={props.localPreview[s.mode]}
        canAfford={canAfford}
        onBuy={() => void s.buyCredits(props.cheapest.credits)}
      />
    </div>
  );
}
