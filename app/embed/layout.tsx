import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// The storefront widget's pages: framed by shops, never indexed, no site chrome.
export const metadata: Metadata = {
  title: 'Try it on',
  robots: { index: false, follow: false },
};

export default function EmbedLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-screen bg-white text-slate-900">{children}</div>;
}
