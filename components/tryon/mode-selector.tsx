'use client';

import * as ToggleGroup from '@radix-ui/react-toggle-group';
import type { TryonMode } from '@/lib/tryon/schemas';

export interface ModeSelectorProps {
  value: TryonMode;
  onChange: (mode: TryonMode) => void;
  costs: Record<TryonMode, number>;
  disabled?: boolean;
}

const OPTIONS: Array<{ mode: TryonMode; label: string; detail: string }> = [
  { mode: 'top', label: 'Top only', detail: 'Shirt, sweater, jacket' },
  { mode: 'full', label: 'Full outfit', detail: 'Top and bottom' },
];

/** Radix ToggleGroup (single): arrow keys move between options, each shows its cost. */
export function ModeSelector({ value, onChange, costs, disabled }: ModeSelectorProps) {
  return (
    <ToggleGroup.Root
      type="single"
      value={value}
      onValueChange={(v) => {
        if (v === 'top' || v === 'full') onChange(v);
      }}
      aria-label="What to try on"
      disabled={disabled}
      className="grid grid-cols-2 gap-3"
    >
      {OPTIONS.map((o) => (
        <ToggleGroup.Item
          key={o.mode}
          value={o.mode}
          className="data-[state=on]:border-brand-700 data-[state=on]:bg-brand-50 data-[state=on]:ring-brand-700 flex flex-col items-start gap-0.5 rounded-lg border border-slate-300 bg-white px-4 py-3 text-left hover:border-slate-400 disabled:cursor-not-allowed disabled:opacity-60 data-[state=on]:ring-1"
        >
          <span className="text-sm font-semibold text-slate-900">{o.label}</span>
          <span className="text-xs text-slate-600">{o.detail}</span>
          <span className="text-brand-800 mt-1 text-sm font-medium">
            {costs[o.mode]} {costs[o.mode] === 1 ? 'credit' : 'credits'}
          </span>
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
