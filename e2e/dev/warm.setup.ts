import { test as setup } from '@playwright/test';

// `next dev` compiles each page and route on its first request, which takes
// minutes on a busy machine: compile the ones the development specs visit
// once, with room to spare, so their own waits measure the product.
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
];

setup('compile the development pages', async ({ request }) => {
  setup.setTimeout(PAGES.length * 180_000);
  for (const path of PAGES) await request.get(path, { timeout: 180_000 });
});
