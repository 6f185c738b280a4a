'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';
import { Button } from './button';
import { cn } from './cn';
import { overlayClass, panelClass } from './dialog';

/**
 * "Are you sure?" before a destructive action: the trigger opens it, Cancel
 * closes it, the action button confirms. Controlled (`open`/`onOpenChange`)
 * when the caller must keep it open while the action runs.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  action,
  cancel = 'Cancel',
  tone = 'danger',
  onConfirm,
  open,
  onOpenChange,
  children,
  className,
}: {
  trigger?: ReactNode;
  title: ReactNode;
  description: ReactNode;
  /** The confirm button's text, or the button itself (kept open: no AlertDialog.Action). */
  action: ReactNode;
  cancel?: ReactNode;
  tone?: 'danger' | 'primary';
  onConfirm?: () => void;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Extra content between the description and the buttons (a field, an error). */
  children?: ReactNode;
  className?: string;
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={cn(panelClass, 'w-[min(92vw,28rem)]', className)}>
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">
            {title}
          </AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-2 space-y-2 text-sm text-slate-700">{description}</div>
          </AlertDialog.Description>
          {children}
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{cancel}</Button>
            </AlertDialog.Cancel>
            {typeof action === 'string' ? (
              <AlertDialog.Action asChild>
                <Button variant={tone} onClick={onConfirm}>
                  {action}
                </Button>
              </AlertDialog.Action>
            ) : (
              action
            )}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
