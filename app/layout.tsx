import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'TrailRoom — virtual fitting room', template: '%s · TrailRoom' },
  description:
    'See yourself in any garment before you buy: upload a photo, pick a top or a full outfit, get a photo of you wearing it.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: Next puts middleware's per-request CSP
  // nonce on its scripts only while rendering (a prerendered page has none and
  // would not run under the policy).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
