'use client';

import { useId, useState } from 'react';

export interface CompareSliderProps {
  beforeSrc: string;
  afterSrc: string;
  beforeAlt: string;
  afterAlt: string;
}

/**
 * Before/after comparison: the result is drawn over the original and
 * clipped at the handle. The handle is a native range input, so it works
 * with a keyboard (arrows, Home/End, Page Up/Down) and screen readers.
 */
export function CompareSlider({ beforeSrc, afterSrc, beforeAlt, afterAlt }: CompareSliderProps) {
  const [position, setPosition] = useState(50);
  const id = useId();
  return (
    <div className="flex flex-col gap-3">
      <div className="relative aspect-[3/4] w-full overflow-hidden rounded-xl bg-slate-100 select-none">
        {/* eslint-disable-next-line @next/next/no-img-element -- user images from blob: and the API */}
        <img
          src={beforeSrc}
          alt={beforeAlt}
          className="absolute inset-0 h-full w-full object-contain"
        />
        <div className="absolute inset-0" style={{ clipPath: `inset(0 0 0 ${position}%)` }}>
          {/* eslint-disable-next-line @next/next/no-img-element -- generated image served by the API */}
          <img
            src={afterSrc}
            alt={afterAlt}
            className="absolute inset-0 h-full w-full object-contain"
            data-testid="result-image"
          />
        </div>
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-y-0 w-0.5 bg-white shadow-[0_0_0_1px_rgba(15,23,42,0.35)]"
          style={{ left: `${position}%` }}
        >
          <div className="absolute top-1/2 left-1/2 flex h-8 w-8 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full bg-white text-slate-700 shadow">
            ⇆
          </div>
        </div>
        <span className="absolute top-2 left-2 rounded bg-slate-900/75 px-2 py-0.5 text-xs font-medium text-white">
          Before
        </span>
        <span className="absolute top-2 right-2 rounded bg-slate-900/75 px-2 py-0.5 text-xs font-medium text-white">
          After
        </span>
      </div>
      <label htmlFor={id} className="sr-only">
        Compare before and after
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={1}
        value={position}
        aria-valuetext={`${100 - position}% of the result shown`}
        onChange={(e) => setPosition(Number(e.target.value))}
        className="accent-brand-700 w-full"
      />
    </div>
  );
}
