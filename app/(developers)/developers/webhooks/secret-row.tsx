'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { webhooksApi } from './webhooks-api';

const tap = 'h-11 sm:h-8';

/** The signing secret: hidden until asked for, copy, and rotation (confirmed). */
export function SecretRow({
  endpointId,
  initialSecret,
  busy,
  run,
}: {
  endpointId: string;
  initialSecret?: string;
  busy: string | null;
  run: (label: string, fn: () => Promise<string | void>) => void;
}) {
  const [secret, setSecret] = useState<string | null>(initialSecret ?? null);
  const [copied, setCopied] = useState(false);
  const labelId = `secret-label-${endpointId}`;
  return (
    <div className="rounded-lg bg-slate-50 p-3">
      <p className="text-sm font-medium text-slate-800" id={labelId}>
        Signing secret
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <code
          aria-labelledby={labelId}
          data-testid="webhook-secret"
          className="w-full min-w-0 rounded bg-white px-2 py-1 font-mono text-xs break-all ring-1 ring-slate-200 sm:w-auto sm:flex-1"
        >
          {secret ?? 'whsec_••••••••••••••••••••••••'}
        </code>
        <Button
          size="sm"
          variant="secondary"
          className={tap}
          disabled={busy !== null}
          onClick={() =>
            secret
              ? setSecret(null)
              : run('reveal', async () => setSecret((await webhooksApi.get(endpointId)).secret))
          }
        >
          {secret ? 'Hide' : busy === 'reveal' ? 'Loading…' : 'Reveal'}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          className={tap}
          disabled={busy !== null}
          onClick={() =>
            run('copy', async () => {
              const value = secret ?? (await webhooksApi.get(endpointId)).secret;
              await navigator.clipboard?.writeText(value);
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            })
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <ConfirmDialog
          title="Rotate the signing secret?"
          description="A new secret is issued now. For 24 hours we sign with both the new and the old secret, so you can update your receiver without losing events."
          action="Rotate secret"
          onConfirm={() =>
            run('rotate', async () => {
              setSecret((await webhooksApi.rotate(endpointId)).secret);
              return 'New secret issued. The old one keeps working for 24 hours.';
            })
          }
          trigger={
            <Button size="sm" variant="secondary" className={tap} disabled={busy !== null}>
              {busy === 'rotate' ? 'Rotating…' : 'Rotate'}
            </Button>
          }
        />
      </div>
    </div>
  );
}
