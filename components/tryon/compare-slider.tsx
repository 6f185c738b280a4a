'use client';

import { useId, useRef, useState, type PointerEvent } from 'react';

export interface CompareSliderProps {
  beforeSrc: string;
  afterSrc: string;
  beforeAlt: string;
  afterAlt: string;
  /** Optional: a small image shown blurred until the result has loaded (progressive). */
  placeholderSrc?: string;
}

const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n)));

/**
 * Before/after comparison: the result is drawn over the original and clipped
 * at the handle. Drag anywhere on the image (mouse, pen or touch: pointer
 * events with capture; `touch-action: pan-y` leaves vertical scrolling to the
 * page). The same position is a native range input, so it works with a
 * keyboard (arrows, Home/End, Page Up/Down) and screen readers.
 */
export function CompareSlider({
  beforeSrc,
  afterSrc,
  beforeAlt,
  afterAlt,
  placeholderSrc,
}: CompareSliderProps) {
  const [position, setPosition] = useState(50);
  const [loaded, setLoaded] = useState(false);
  const [dragging, setDragging] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const id = useId();

  function moveTo(clientX: number) {
    const box = frame.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    setPosition(clamp(((clientX - box.left) / box.width) * 100));
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDragging(true);
    moveTo(e.clientX);
  }

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div
        ref={frame}
        data-testid="compare-frame"
        onPointerDown={onPointerDown}
        onPointerMove={(e) => {
          if (dragging) moveTo(e.clientX);
        }}
        onPointerUp={() => setDragging(false)}
        onPointerCancel={() => setDragging(false)}
        className="relative aspect-[3/4] w-full cursor-ew-resize touch-pan-y overflow-hidden rounded-xl bg-slate-100 select-none"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- user images from blob: and the API */}
        <img
          src={beforeSrc}
          alt={beforeAlt}
          draggable={false}
          className="absolute inset-0 h-full w-full object-contain"
        />
        <div className="absolute inset-0" style={{ clipPath: `inset(0 0 0 ${position}%)` }}>
          {placeholderSrc && !loaded ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small thumbnail, blurred until the full image is in
            <img
              src={placeholderSrc}
              alt=""
              aria-hidden="true"
              draggable={false}
              className="absolute inset-0 h-full w-full scale-105 object-contain blur-md"
            />
          ) : null}
          {/* eslint-disable-next-line @next/next/no-img-element -- generated image served by the API */}
          <img
            src={afterSrc}
            alt={afterAlt}
            draggable={false}
            onLoad={() => setLoaded(true)}
            className="absolute inset-0 h-full w-full object-contain transition-opacity duration-300"
            style={{ opacity: placeholderSrc && !loaded ? 0 : 1 }}
            data-testid="result-image"
          />
        </div>
        <div
          aria-hidden="true"
          data-testid="compare-handle"
          className="pointer-events-none absolute inset-y-0 w-0.5 bg-white shadow-[0_0_0_1px_rgba(15,23,42,0.35)]"
          style={{ left: `${position}%` }}
        >
          <div className="absolute top-1/2 left-1/2 flex h-11 w-11 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full bg-white text-lg text-slate-700 shadow-md">
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
        className="accent-brand-700 h-11 w-full"
      />
    </div>
  );
}
