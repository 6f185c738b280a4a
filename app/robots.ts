import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

// Crawlers see the public pages; the API and the signed-in areas are not for
// them. /studio stays crawlable: it is where "Start free" leads, and a crawler
// is simply sent on to sign-in.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: ['/api/', '/history', '/credits', '/billing', '/account', '/developers', '/admin'],
    },
    sitemap: new URL('/sitemap.xml', env.APP_URL).toString(),
  };
}
