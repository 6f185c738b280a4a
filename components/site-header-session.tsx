'use client';

import Link from 'next/link';
import { useSyncExternalStore } from 'react';

/** 'unknown' until the browser has asked; static pages render that state. */
export type SignedInState = 'unknown' | 'signed-in' | 'signed-out';

let state: SignedInState = 'unknown';
let asked = false;
const listeners = new Set<() => void>();

function ask() {
  if (asked) return;
  asked = true;
  // next-auth's session endpoint: {} when signed out. One request per page
  // load, shared by every component that wants to know.
  fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<{ user?: unknown }>) : {}))
    .then((s) => (s as { user?: unknown }).user !== undefined)
    .catch(() => false)
    .then((yes) => {
      state = yes ? 'signed-in' : 'signed-out';
      for (const l of listeners) l();
    });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  ask();
  return () => listeners.delete(listener);
}

/**
 * Whether the visitor is signed in, asked from the browser so that the
 * marketing pages stay static (no page render reads the session or the
 * database).
 */
export function useSignedIn(): SignedInState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => 'unknown',
  );
}

const primary =
  'bg-brand-700 hover:bg-brand-800 inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap text-white';

/** The header's account action: "Open studio" when signed in, else "Sign in". */
export function HeaderAccountLink() {
  const signedIn = useSignedIn() === 'signed-in';
  return signedIn ? (
    <Link href="/studio" className={primary}>
      Open studio
    </Link>
  ) : (
    <Link href="/signin" className={primary}>
      Sign in
    </Link>
  );
}
