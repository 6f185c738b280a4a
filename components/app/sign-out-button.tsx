'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/' })}
      className="rounded-md px-2 py-1 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100 hover:text-slate-950"
    >
      Sign out
    </button>
  );
}
