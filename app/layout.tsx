import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import './globals.css';

const DESCRIPTION =
  'See yourself in any garment before you buy: upload a photo, pick a top or a full outfit, get a photo of you wearing it.';

// Canonical, Open Graph and sitemap URLs are absolute on APP_URL, as set when
// the build is made (static pages are rendered then).
export const metadata: Metadata = {
  metadataBase: new URL(env.APP_URL),
  title: { default: 'TrailRoom — virtual fitting room', template: '%s · TrailRoom' },
  description: DESCRIPTION,
  applicationName: 'TrailRoom',
  openGraph: {
    type: 'website',
    siteName: 'TrailRoom',
    title: 'TrailRoom — virtual fitting room',
    description: DESCRIPTION,
  },
  twitter: { card: 'summary_large_image' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#164dd9',
};

// Pages that need no request data (the marketing pages, sign-in) are
// prerendered and get a hash-based script policy from middleware.ts; every
// page that reads the session renders per request and gets a nonce.
export default function RootLayout({ children }: { children: ReactNode }) {
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
