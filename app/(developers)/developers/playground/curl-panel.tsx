'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { PlaygroundCurl } from './curl';
import type { AuthMode } from './playground-parts';

/** The same call as a curl command, with a copy button. */
export function CurlPanel({ curl, auth }: { curl: PlaygroundCurl | null; auth: AuthMode }) {
  const [copied, setCopied] = useState(false);
  if (!curl) return null;
  return (
    <section aria-labelledby="curl-heading">
      <Card>
        <div className="flex items-center justify-between gap-2">
          <h2 id="curl-heading" className="text-base font-semibold text-slate-900">
            The same call with curl
          </h2>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            className="h-11 sm:h-8"
            onClick={() => {
              void navigator.clipboard?.writeText(curl.command).then(() => setCopied(true));
              setTimeout(() => setCopied(false), 2000);
            }}
          >
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <pre
          className="mt-3 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-900"
          data-testid="curl-command"
          tabIndex={0}
          aria-label="curl command"
        >
          {curl.command}
        </pre>
        {curl.files.length > 0 && (
          <p className="mt-2 text-xs text-slate-600" data-testid="curl-files-note">
            Uploads the images as files (multipart): replace{' '}
            {curl.files.map((f, i) => (
              <span key={`${f}-${i}`}>
                {i > 0 && (i === curl.files.length - 1 ? ' and ' : ', ')}
                <code>{f}</code>
              </span>
            ))}{' '}
            with the paths of your own photos.
          </p>
        )}
        {auth === 'key' && (
          <p className="mt-2 text-xs text-slate-600">
            Set <code>TRAILROOM_API_KEY</code> in your shell first; the key is never printed here.
          </p>
        )}
      </Card>
    </section>
  );
}
