'use client';

import { useId } from 'react';
import { Select } from '@/components/ui/select';
import {
  PHOTO_RETENTION_LABELS,
  PHOTO_RETENTIONS,
  isPhotoRetention,
  type PhotoRetention,
} from '@/lib/photos/retention';

/** Opt-in under the person slot: keep this photo in My photos, for as long as chosen. */
export function SavePhotoOption({
  value,
  onChange,
}: {
  value: { on: boolean; retention: PhotoRetention };
  onChange: (v: { on: boolean; retention: PhotoRetention }) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <label className="flex min-h-11 cursor-pointer items-center gap-3 text-sm text-slate-900">
        <input
          type="checkbox"
          checked={value.on}
          onChange={(e) => onChange({ ...value, on: e.target.checked })}
          className="accent-brand-700 h-5 w-5 shrink-0"
        />
        Save this photo to My photos for next time
      </label>
      {value.on ? (
        <div className="flex flex-wrap items-center gap-2 pl-8 text-sm">
          <label htmlFor={id} className="text-slate-700">
            Keep it for
          </label>
          <Select
            id={id}
            className="h-11 w-auto"
            value={value.retention}
            onChange={(e) => {
              const r = e.target.value;
              if (isPhotoRetention(r)) onChange({ ...value, retention: r });
            }}
          >
            {PHOTO_RETENTIONS.map((r) => (
              <option key={r} value={r}>
                {PHOTO_RETENTION_LABELS[r]}
              </option>
            ))}
          </Select>
          <span className="text-xs text-slate-600">You can delete it at any time.</span>
        </div>
      ) : null}
    </div>
  );
}
