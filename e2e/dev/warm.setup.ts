import { test as setup } from '@playwright/test';

// `next dev` compiles each page and route on its first request, which takes
// minutes on a busy machine: compile the ones the development specs visit
// (pages and API routes) once, with room to spare, so their own waits
// measure the product.
const PAGES = [
  '/api/auth/session',
  '/signin',
  '/account',
  '/pricing',
  '/studio',
  '/billing',
  '/credits',
  '/developers/webhooks',
  '/docs',
  '/billing/test-checkout/cs_local_warm',
  '/billing/success?session_id=cs_local_warm',
  '/api/v1/billing/checkout/cs_local_warm',
  '/api/v1/credits',
  '/api/v1/credits/transactions',
  '/api/v1/tryon',
  '/api/v1/tryon/000000000000000000000000',
  '/api/v1/tryon/000000000000000000000000/image',
  '/api/v1/webhooks',
  '/api/v1/webhooks/000000000000000000000000',
  '/api/v1/webhooks/000000000000000000000000/test',
  '/api/v1/webhooks/000000000000000000000000/deliveries',
];

setup('compile the development pages', async ({ request }) => {
  setup.setTimeout(PAGES.length * 180_000);
  for (const path of PAGES) await request.get(path, { timeout: 180_000 });
});
