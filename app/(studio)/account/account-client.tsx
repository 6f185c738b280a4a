'use client';

import { DeleteAccount } from './delete-account';
import { ExportData } from './export-data';
import { SignOutEverywhere } from './sign-out-everywhere';

/** The account page's actions: sessions, the data export, and deletion. */
export function AccountActions({ email }: { email: string }) {
  return (
    <>
      <SignOutEverywhere />
      <ExportData />
      <DeleteAccount email={email} />
    </>
  );
}
