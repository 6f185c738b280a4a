import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

/** The public pages, at the APP_URL the build was made for. */
export const PUBLIC_PAGES = ['/', '/pricing', '/docs', '/signin', '/privacy', '/terms'] as const;

export default function sitemap(): MetadataRoute.Sitemap {
  return PUBLIC_PAGES.map((path) => ({
    url: new URL(path, env.APP_URL).toString(),
    changeFrequency: 'monthly',
    priority: path === '/' ? 1 : path === '/pricing' ? 0.8 : 0.5,
  }));
}
