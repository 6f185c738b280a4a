'use client';

import * as Slider from '@radix-ui/react-slider';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { formatCount } from '@/lib/format';
import { PRICING } from '@/lib/pricing/config';
import { creditsToPosition, positionToCredits, SLIDER_STEPS } from './credit-slider';

/** Any amount: a number field (checked with the checkout schema) and a log-scale slider. */
export function AmountInput({
  credits,
  text,
  error,
  onText,
  onPick,
}: {
  credits: number;
  text: string;
  error: string | null;
  onText: (text: string) => void;
  onPick: (credits: number) => void;
}) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-1">
        <Field
          label="Credits"
          error={error}
          hint={`${formatCount(PRICING.minCredits)}–${formatCount(PRICING.maxCredits)} credits`}
          className="w-48"
        >
          <Input
            type="number"
            inputMode="numeric"
            min={PRICING.minCredits}
            max={PRICING.maxCredits}
            step={1}
            value={text}
            onChange={(e) => onText(e.target.value)}
            className="h-11 text-base tabular-nums"
          />
        </Field>
      </div>
      <Slider.Root
        className="relative flex h-11 w-full touch-none items-center select-none"
        min={0}
        max={SLIDER_STEPS}
        step={1}
        value={[creditsToPosition(credits)]}
        onValueChange={([pos]) => onPick(positionToCredits(pos ?? 0))}
      >
        <Slider.Track className="relative h-2 grow rounded-full bg-slate-200">
          <Slider.Range className="bg-brand-700 absolute h-full rounded-full" />
        </Slider.Track>
        <Slider.Thumb
          aria-label="Credits"
          aria-valuetext={`${formatCount(credits)} credits`}
          className="border-brand-700 block h-7 w-7 rounded-full border-2 bg-white shadow focus-visible:outline-2 focus-visible:outline-offset-2"
        />
      </Slider.Root>
    </div>
  );
}
