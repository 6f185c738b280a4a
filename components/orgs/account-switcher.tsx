'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { cn } from '@/components/ui/cn';
import { api, useApiAction } from '@/lib/client';
import { formatCount } from '@/lib/format';

/** One account the person can act as: themselves, or an organisation they belong to. */
export interface AccountOption {
  /** null: the personal account. */
  orgId: string | null;
  name: string;
  /** The person's role in the organisation (absent for the personal account). */
  role?: string;
}

export interface AccountSwitcherProps {
  accounts: readonly AccountOption[];
  /** The active account's org id, or null for personal. */
  activeOrgId: string | null;
  /** The active account's balance (credits), shown beside its name. */
  balance: number | null;
}

/**
 * The header's account switcher: shows the account acting now and its
 * balance; opens a list of the person's accounts (personal and each
 * organisation). Choosing one sets the session's account context
 * (POST /api/account/context) and reloads the page for that account.
 * A disclosure (button + list of buttons), so it works with a keyboard,
 * a screen reader and a thumb; Escape or a click elsewhere closes it.
 */
export function AccountSwitcher({ accounts, activeOrgId, balance }: AccountSwitcherProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [, startTransition] = useTransition();
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const active = accounts.find((a) => a.orgId === activeOrgId) ?? accounts[0];
  const select = useApiAction(
    (orgId: string | null) =>
      api<unknown>('/api/account/context', { method: 'POST', json: { org_id: orgId } }),
    { fallback: 'Could not switch account.' },
  );

  useEffect(() => {
    if (!open) return;
    function onPointer(e: PointerEvent) {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    }
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    }
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  async function choose(orgId: string | null) {
    if (orgId === activeOrgId) {
      setOpen(false);
      return;
    }
    const ok = await select.run(orgId);
    if (ok === undefined) return;
    setOpen(false);
    toggle.current?.focus();
    startTransition(() => router.refresh());
  }

  const label = active?.name ?? 'Personal';
  return (
    <div ref={root} className="relative" data-testid="account-switcher">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="flex min-h-11 max-w-56 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1 text-left text-sm hover:bg-slate-50 sm:min-h-10"
      >
        <span className="sr-only">Account: </span>
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{label}</span>
          <span className="block text-xs text-slate-600">
            {activeOrgId ? 'Organisation' : 'Personal'}
            {balance !== null && <> · {formatCount(balance)} credits</>}
          </span>
        </span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={cn(
            'h-4 w-4 shrink-0 text-slate-600 transition-transform',
            open && 'rotate-180',
          )}
        >
          <path d="M5 7l5 6 5-6z" fill="currentColor" />
        </svg>
      </button>
      <div
        id={listId}
        hidden={!open}
        className="absolute left-0 z-30 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-1 shadow-lg sm:right-0 sm:left-auto"
      >
        <p className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          Act as
        </p>
        <ul aria-label="Your accounts">
          {accounts.map((a) => {
            const current = a.orgId === activeOrgId;
            return (
              <li key={a.orgId ?? 'personal'}>
                <button
                  type="button"
                  aria-current={current ? 'true' : undefined}
                  disabled={select.pending}
                  onClick={() => void choose(a.orgId)}
                  className={cn(
                    'flex min-h-11 w-full items-center justify-between gap-2 rounded-md px-3 py-2 text-left text-sm',
                    current ? 'bg-brand-50 text-brand-800' : 'text-slate-800 hover:bg-slate-100',
                  )}
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{a.name}</span>
                    <span className="block text-xs text-slate-600">
                      {a.orgId ? `Organisation · ${a.role ?? 'member'}` : 'Personal account'}
                    </span>
                  </span>
                  {current && (
                    <span aria-hidden="true" className="text-brand-700">
                      ✓
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
        {select.error && (
          <p role="alert" className="px-3 py-2 text-sm text-red-800">
            {select.error}
          </p>
        )}
        <div className="mt-1 border-t border-slate-100 pt-1">
          <Link
            href="/org/new"
            onClick={() => setOpen(false)}
            className="text-brand-700 flex min-h-11 items-center rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            New organisation…
          </Link>
        </div>
      </div>
    </div>
  );
}
