'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { overlayClass, panelClass } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { api } from '@/lib/client/api';
import { errorMessage } from '@/lib/client/api-error';

export const MIN_REASON_LENGTH = 5;

/**
 * A confirmation dialog for an admin action that needs a reason (kept in the
 * audit log). The action runs only from the dialog's form; while it runs the
 * button is disabled, so a double-click sends once. `onConfirm` returns an
 * error message to show in the dialog, or null when it succeeded (the dialog
 * then closes and the caller shows the result).
 */
export function ReasonDialog({
  trigger,
  title,
  description,
  confirmLabel,
  busyLabel = 'Working…',
  tone = 'danger',
  children,
  canConfirm = true,
  onConfirm,
}: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  tone?: 'danger' | 'primary';
  /** Extra fields above the reason (e.g. the refund amount). */
  children?: ReactNode;
  canConfirm?: boolean;
  onConfirm: (reason: string) => Promise<string | null>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const message = await onConfirm(reason.trim()).catch((err: unknown) =>
      err instanceof Error ? err.message : 'The request failed',
    );
    setBusy(false);
    if (message) return setError(message);
    setReason('');
    setOpen(false);
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (busy) return;
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content className={panelClass}>
          <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-2 space-y-2 text-sm text-slate-700">{description}</div>
          </Dialog.Description>
          <form onSubmit={submit} className="mt-4 space-y-4">
            {children}
            <Field
              label={
                <>
                  Reason{' '}
                  <span className="font-normal text-slate-600">
                    (required, kept in the audit log)
                  </span>
                </>
              }
              hint={`At least ${MIN_REASON_LENGTH} characters.`}
            >
              <Textarea
                id={reasonId}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
                minLength={MIN_REASON_LENGTH}
                maxLength={500}
                rows={3}
              />
            </Field>
            {error && <Alert>{error}</Alert>}
            <div className="flex flex-wrap justify-end gap-2">
              <Dialog.Close asChild>
                <Button type="button" variant="secondary" disabled={busy}>
                  Cancel
                </Button>
              </Dialog.Close>
              <Button
                type="submit"
                variant={tone}
                disabled={busy || !canConfirm || reason.trim().length < MIN_REASON_LENGTH}
                aria-busy={busy}
              >
                {busy ? busyLabel : confirmLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** POSTs JSON to an admin route; the error envelope's message, or the body on success. */
export async function postAdmin<T>(
  url: string,
  body: unknown,
): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  try {
    return { ok: true, data: await api<T>(url, { json: body }) };
  } catch (err) {
    return { ok: false, message: errorMessage(err, 'The request failed') };
  }
}
