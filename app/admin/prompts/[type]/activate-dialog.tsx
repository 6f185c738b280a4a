'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { api, useApiAction } from '@/lib/client';
import type { ActivatePromptBody, PromptTypeJson } from '@/lib/prompts/schemas';

type PromptType = PromptTypeJson['type'];

export interface ActivateResult {
  changed: boolean;
}

/** "Activate" for a newer version, "Roll back to" for an older one: the title and the button say the same. */
export function activationVerb(version: number, active: number | null): string {
  return active !== null && version < active ? 'Roll back to' : 'Activate';
}

/**
 * Confirms making `version` the active prompt (with an optional reason),
 * then calls the activate route. Stays open while it runs; an error is shown
 * inside.
 */
export function ActivateDialog({
  type,
  version,
  active,
  onClose,
  onDone,
}: {
  type: PromptType;
  /** The version to activate; null keeps the dialog closed. */
  version: number | null;
  active: number | null;
  onClose: () => void;
  onDone: (version: number, result: ActivateResult) => void;
}) {
  const [reason, setReason] = useState('');
  const activate = useApiAction((body: ActivatePromptBody) =>
    api<ActivateResult>(`/api/admin/prompts/${type}/activate`, { method: 'POST', json: body }),
  );
  const verb = version === null ? 'Activate' : activationVerb(version, active);

  async function confirm() {
    if (version === null) return;
    const trimmed = reason.trim();
    const result = await activate.run({ version, ...(trimmed ? { reason: trimmed } : {}) });
    if (!result) return;
    setReason('');
    onDone(version, result);
  }

  return (
    <ConfirmDialog
      open={version !== null}
      onOpenChange={(open) => {
        if (open || activate.pending) return;
        activate.reset();
        onClose();
      }}
      tone="primary"
      className="w-[min(32rem,calc(100vw-2rem))]"
      title={`${verb} v${version ?? ''}?`}
      description={
        <p>
          New jobs will use v{version} from now on
          {active !== null ? ` instead of v${active}` : ''}. Jobs already running keep the version
          they started with. This is recorded in the audit log.
        </p>
      }
      action={
        <Button onClick={() => void confirm()} disabled={activate.pending}>
          {activate.pending
            ? verb === 'Activate'
              ? 'Activating…'
              : 'Rolling back…'
            : `${verb} v${version ?? ''}`}
        </Button>
      }
    >
      <Field label="Reason (optional)" className="mt-4">
        <Input
          id="activate-reason"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      {activate.error && <Alert className="mt-3">{activate.error}</Alert>}
    </ConfirmDialog>
  );
}
