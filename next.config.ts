import type { NextConfig } from 'next';

// Security headers for every route. CSP allows inline styles (Tailwind/Radix
// set style attributes) and data:/blob: images for client-side previews.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  {
    key: 'Content-Security-Policy',
    value: [
      "default-src 'self'",
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
      // Next.js injects inline bootstrap scripts; dev mode also needs eval for HMR.
      `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
      "connect-src 'self'",
      "font-src 'self' data:",
      "frame-ancestors 'none'",
      "form-action 'self' https://checkout.stripe.com",
      "base-uri 'self'",
    ].join('; '),
  },
];

const nextConfig: NextConfig = {
  // Parallel dev/e2e servers in one checkout each need their own build folder.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  devIndicators: false,
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
