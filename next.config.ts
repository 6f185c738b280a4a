import type { NextConfig } from 'next';
import { STATIC_CONTENT_SECURITY_POLICY } from './lib/security/security-headers';

// Security headers for every route. Pages get their Content-Security-Policy
// (with a per-request script nonce) and HSTS from middleware.ts; everything
// middleware does not see (API routes, icons) gets a static policy here.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const nextConfig: NextConfig = {
  // Parallel dev/e2e servers in one checkout each need their own build folder.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  devIndicators: false,
  // A self-contained server (node <distDir>/standalone/server.js) with only the
  // node_modules it traces; the Dockerfile copies it and the static assets.
  // `next start` still works (with a warning); Vercel ignores this setting.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['sharp', 'mongoose', 'pino', 'mongodb-memory-server'],
  experimental: {
    serverActions: { bodySizeLimit: '25mb' },
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        // Nothing may be framed — but the storefront widget's dialog (/embed), whose
        // CSP frame-ancestors middleware.ts sets to its key's allowed shop origins.
        source: '/:path((?!embed/).*)',
        headers: [{ key: 'X-Frame-Options', value: 'DENY' }],
      },
      {
        // Keep in step with middleware.ts's matcher: what it leaves out is not a page.
        source:
          '/:path(api/.*|favicon\\.ico|icon\\.svg|apple-icon\\.png|robots\\.txt|sitemap\\.xml|manifest\\.webmanifest|opengraph-image.*|icons/.*|examples/.*|samples/.*)',
        headers: [{ key: 'Content-Security-Policy', value: STATIC_CONTENT_SECURITY_POLICY }],
      },
      {
        // Shops embed this script on every product page: let browsers and CDNs keep it for
        // five minutes and serve a stale copy for a day while they fetch the new one.
        source: '/embed.js',
        headers: [
          { key: 'Cache-Control', value: 'public, max-age=300, stale-while-revalidate=86400' },
        ],
      },
      {
        // Config headers win over a route's own (Next keeps the first value), so
        // /api/assets/* is left out: it sets its own private, immutable caching
        // and every error it returns is no-store through apiRoute().
        source: '/api/:path((?!assets/).*)',
        headers: [{ key: 'Cache-Control', value: 'no-store' }],
      },
    ];
  },
};

export default nextConfig;
