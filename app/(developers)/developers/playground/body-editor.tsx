'use client';

import type { ChangeEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import type { PlaygroundOperation } from '@/lib/openapi/playground';
import type { Attachment } from './playground-parts';

/** The JSON body editor, with image pickers for the fields that take an image. */
export function BodyEditor({
  opId,
  spec,
  body,
  files,
  onBodyChange,
  onReset,
  onPickImage,
}: {
  opId: string;
  spec: NonNullable<PlaygroundOperation['body']>;
  body: string;
  files: Record<string, Attachment>;
  onBodyChange: (text: string) => void;
  onReset: () => void;
  onPickImage: (field: string, e: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <div className="space-y-3">
      <div className="flex items-end justify-between gap-2">
        <label htmlFor="body" className="text-sm font-medium text-slate-800">
          JSON body
        </label>
        <Button type="button" variant="ghost" size="sm" className="h-11 sm:h-8" onClick={onReset}>
          Reset to example
        </Button>
      </div>
      <Textarea
        id="body"
        value={body}
        onChange={(e) => onBodyChange(e.target.value)}
        rows={Math.min(14, Math.max(4, body.split('\n').length + 1))}
        spellCheck={false}
        aria-describedby="body-hint"
        className="font-mono text-xs break-all"
      />
      <p id="body-hint" className="text-xs text-slate-600">
        Fields:{' '}
        {spec.properties.map((p) => `${p.name}${p.required ? '' : ' (optional)'}`).join(', ')}.
      </p>
      {spec.imageFields.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-3">
          {spec.imageFields.map((field) => (
            <div key={field}>
              <label htmlFor={`file-${field}`} className="block text-xs font-medium text-slate-800">
                Image for <code>{field}</code>
              </label>
              <input
                id={`file-${field}`}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                onChange={(e) => onPickImage(field, e)}
                className="file:bg-brand-50 file:text-brand-900 mt-1 block w-full text-xs text-slate-700 file:mr-2 file:rounded file:border-0 file:px-2 file:py-1"
              />
              {files[`${opId}.${field}`] && (
                <p className="mt-1 truncate text-xs text-slate-600">
                  Attached: {files[`${opId}.${field}`]?.label}
                </p>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
