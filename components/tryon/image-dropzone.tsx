'use client';

import { useId, useRef, useState, type DragEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { downscaleImage, formatBytes, type PreparedImage } from './downscale-image';

export interface ImageDropzoneProps {
  /** Field name, also used for test ids: `user_image`, `top_image`, `bottom_image`. */
  name: string;
  label: string;
  hint: string;
  value: PreparedImage | null;
  onChange: (image: PreparedImage | null) => void;
  disabled?: boolean;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif';
/** Matches the server's cap on the original file (it is downscaled before upload anyway). */
const MAX_PICK_BYTES = 25 * 1024 * 1024;

/** Drop or pick one photo; shows a preview, its prepared size, and a way to remove it. */
export function ImageDropzone({
  name,
  label,
  hint,
  value,
  onChange,
  disabled,
}: ImageDropzoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function accept(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (file.type && !file.type.startsWith('image/')) {
      setError('That is not an image. Use a JPEG, PNG or WebP photo.');
      return;
    }
    if (file.size > MAX_PICK_BYTES) {
      setError(`That file is ${formatBytes(file.size)}; pick one under 25 MB.`);
      return;
    }
    setBusy(true);
    try {
      const prepared = await downscaleImage(file);
      if (prepared.width < 256 || prepared.height < 256) {
        URL.revokeObjectURL(prepared.url);
        setError(
          `That image is ${prepared.width}×${prepared.height} px; it must be at least 256×256 px.`,
        );
        return;
      }
      if (value) URL.revokeObjectURL(value.url);
      onChange(prepared);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'This image could not be read.');
    } finally {
      setBusy(false);
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    if (!disabled) void accept(e.dataTransfer.files[0]);
  }

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-semibold text-slate-900">
        {label}
      </label>
      <div
        data-testid={`dropzone-${name}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          'relative flex aspect-[3/4] w-full items-center justify-center overflow-hidden rounded-xl border-2 border-dashed bg-slate-50 transition-colors',
          dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300',
          value && 'border-solid border-slate-200 bg-white',
        )}
      >
        {value ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview, not an optimisable asset
          <img src={value.url} alt={`${label} preview`} className="h-full w-full object-contain" />
        ) : (
          <div className="flex flex-col items-center gap-2 px-4 text-center">
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="h-8 w-8 text-slate-400"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
            >
              <path d="M4 16l4.6-4.6a2 2 0 012.8 0L16 16m-2-2l1.6-1.6a2 2 0 012.8 0L20 14M14 8h.01M6 20h12a2 2 0 002-2V6a2 2 0 00-2-2H6a2 2 0 00-2 2v12a2 2 0 002 2z" />
            </svg>
            <p className="text-sm text-slate-600">{busy ? 'Preparing…' : 'Drop a photo here'}</p>
            <button
              type="button"
              onClick={() => inputRef.current?.click()}
              disabled={disabled || busy}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:text-slate-400"
            >
              Choose file
            </button>
          </div>
        )}
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="file"
          accept={ACCEPT}
          className="sr-only"
          disabled={disabled || busy}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            void accept(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {value
          ? `${value.width}×${value.height} px · ${formatBytes(value.blob.size)} to upload`
          : hint}
      </p>
      {value && !disabled ? (
        <div className="flex gap-3 text-sm">
          <button
            type="button"
            className="text-brand-700 font-medium underline-offset-2 hover:underline"
            onClick={() => inputRef.current?.click()}
          >
            Replace
          </button>
          <button
            type="button"
            className="font-medium text-slate-700 underline-offset-2 hover:underline"
            onClick={() => {
              URL.revokeObjectURL(value.url);
              onChange(null);
            }}
          >
            Remove
          </button>
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
