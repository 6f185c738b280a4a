'use client';

import { useId } from 'react';
import { cn } from '@/components/ui/cn';
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
  { mode: 'one_piece', label: 'One-piece', detail: 'Dress, jumpsuit' },
];

/**
 * Native radio inputs in a fieldset: Tab enters the group, arrow keys move
 * AND select (the radio-group pattern), each option shows its cost.
 */
export function ModeSelector({ value, onChange, costs, disabled }: ModeSelectorProps) {
  const name = useId();
  return (
    <fieldset
      className="grid min-w-0 grid-cols-1 gap-3 min-[400px]:grid-cols-3"
      disabled={disabled}
    >
      <legend className="sr-only">What to try on</legend>
      {OPTIONS.map((o) => (
        <label
          key={o.mode}
          className={cn(
            'relative flex min-h-11 min-w-0 cursor-pointer flex-col items-start gap-0.5 rounded-lg border bg-white px-3 py-3 text-left',
            'has-[:focus-visible]:outline-brand-700 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2',
            'has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60',
            value === o.mode
              ? 'border-brand-700 bg-brand-50 ring-brand-700 ring-1'
              : 'border-slate-300 hover:border-slate-400',
          )}
        >
          <input
            type="radio"
            name={name}
            value={o.mode}
            checked={value === o.mode}
            onChange={() => onChange(o.mode)}
            // Invisible but covering the card: a click or tap anywhere on it is on the radio.
            className="absolute inset-0 h-full w-full cursor-pointer opacity-0"
          />
          <span className="text-sm font-semibold text-slate-900">{o.label}</span>
          <span className="text-xs text-slate-600">{o.detail}</span>
          <span className="text-brand-800 mt-1 text-sm font-medium">
            {costs[o.mode]} {costs[o.mode] === 1 ? 'credit' : 'credits'}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
