'use client';

import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { downscaleImage, formatBytes } from './downscale-image';
import { fileImage, releaseImage, type StudioImage } from './studio-image';

export interface ImageDropzoneProps {
  /** Field name, also used for test ids: `user_image`, `top_image`, `bottom_image`. */
  name: string;
  label: string;
  hint: string;
  value: StudioImage | null;
  onChange: (image: StudioImage | null) => void;
  disabled?: boolean;
  /** More ways to fill the slot (a sample, a saved photo), under the buttons. */
  children?: ReactNode;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif';
/** Matches the server's cap on the original file (it is downscaled before upload anyway). */
const MAX_PICK_BYTES = 25 * 1024 * 1024;
const buttonClass =
  'inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:text-slate-500';

/**
 * Drop or pick one photo; shows a preview, its prepared size, and a way to
 * replace or remove it. The file input is never a tab stop (its visible
 * buttons open it), so a keyboard user cannot land on it and refill the
 * wrong slot; after a pick, focus moves to this slot's Replace button.
 */
export function ImageDropzone({
  name,
  label,
  hint,
  value,
  onChange,
  disabled,
  children,
}: ImageDropzoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLButtonElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'replace' | 'choose' | null>(null);
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const target = focusNext.current === 'replace' ? replaceRef : chooseRef;
    if (focusNext.current && target.current) {
      target.current.focus();
      focusNext.current = null;
    }
  }, [value]);

  // A photo picked before the page finished loading (a slow phone, a quick
  // finger): React was not listening to the input yet, so take it on mount.
  useEffect(() => {
    const input = inputRef.current;
    const early = input?.files?.[0];
    if (!input || !early) return;
    input.value = '';
    void accept(early);
    // Once, on mount: later picks arrive through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
      releaseImage(value);
      focusNext.current = 'replace';
      onChange(fileImage(prepared));
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

  const hintText = !value
    ? hint
    : value.source === 'file'
      ? `${value.width}×${value.height} px · ${formatBytes(value.blob.size)} to upload`
      : value.label;

  return (
    <div className="flex min-w-0 flex-col gap-2">
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
          // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview or the owner's asset
          <img src={value.url} alt={`${label} preview`} className="h-full w-full object-contain" />
        ) : (
          <div className="flex flex-col items-center gap-2 px-2 text-center">
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="h-8 w-8 text-slate-500"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
            >
              <path d="M4 16l4.6-4.6a2 2 0 012.8 0L16 16m-2-2l1.6-1.6a2 2 0 012.8 0L20 14M14 8h.01M6 20h12a2 2 0 002-2V6a2 2 0 00-2-2H6a2 2 0 00-2 2v12a2 2 0 002 2z" />
            </svg>
            <p className="text-sm text-slate-600">{busy ? 'Preparing…' : 'Drop a photo here'}</p>
            <button
              ref={chooseRef}
              type="button"
              onClick={() => inputRef.current?.click()}
              disabled={disabled || busy}
              aria-describedby={`${id}-hint`}
              className={buttonClass}
            >
              Choose file<span className="sr-only"> for {label}</span>
            </button>
          </div>
        )}
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="file"
          accept={ACCEPT}
          // Opened by the visible buttons only: never a tab stop of its own.
          tabIndex={-1}
          className="sr-only"
          disabled={disabled || busy}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            void accept(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <p id={`${id}-hint`} className="text-xs break-words text-slate-600">
        {hintText}
      </p>
      {value && !disabled ? (
        <div className="flex flex-wrap gap-2 text-sm">
          <button
            ref={replaceRef}
            type="button"
            className={buttonClass}
            onClick={() => inputRef.current?.click()}
          >
            Replace<span className="sr-only"> {label}</span>
          </button>
          <button
            type="button"
            className={buttonClass}
            onClick={() => {
              releaseImage(value);
              focusNext.current = 'choose';
              onChange(null);
            }}
          >
            Remove<span className="sr-only"> {label}</span>
          </button>
        </div>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
