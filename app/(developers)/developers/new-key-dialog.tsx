'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot } from '@/components/ui/dialog';
import { PLAYGROUND_KEY_HANDOFF } from './playground/key-handoff';
import type { ShownKey } from './use-api-keys';

/** A new key, shown once: copy it, or take it to the playground in this tab. */
export function NewKeyDialog({ shown, onClose }: { shown: ShownKey | null; onClose: () => void }) {
  const router = useRouter();
  const [copied, setCopied] = useState(false);
  return (
    <DialogRoot
      open={shown !== null}
      onOpenChange={(open) => {
        if (!open) {
          setCopied(false);
          onClose();
        }
      }}
    >
      <DialogContent
        className="w-[min(92vw,36rem)]"
        title={`Your new key: ${shown?.name ?? ''}`}
        description="Copy it now. For your safety we keep only a fingerprint of it, so it cannot be shown again."
      >
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <code
            data-testid="new-api-key"
            className="min-w-0 flex-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all"
          >
            {shown?.key}
          </code>
          <Button
            variant="secondary"
            className="h-11"
            onClick={() => {
              if (shown) void navigator.clipboard?.writeText(shown.key).then(() => setCopied(true));
            }}
          >
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <div className="mt-6 flex flex-wrap items-center justify-end gap-3">
          <Button
            variant="ghost"
            className="h-11"
            onClick={() => {
              if (!shown) return;
              // Handed to the playground in this tab only, read once and removed there.
              sessionStorage.setItem(PLAYGROUND_KEY_HANDOFF, shown.key);
              router.push('/developers/playground?op=get-/credits');
            }}
          >
            Test it in the playground
          </Button>
          <DialogClose asChild>
            <Button className="h-11">I have saved it</Button>
          </DialogClose>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
