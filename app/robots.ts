import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

// Crawlers see the public pages; the signed-in areas and the API are not for them.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: [
        '/api/',
        '/studio',
        '/history',
        '/credits',
        '/billing',
        '/account',
        '/developers',
        '/admin',
      ],
    },
    sitemap: new URL('/sitemap.xml', env.APP_URL).toString(),
  };
}
