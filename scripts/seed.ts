// npm run seed — idempotent seed of the database named by MONGODB_URI.
// `--demo` (what `npm run dev` passes) adds the demo shopper's demo data once.
// DEMO_STORE_KEY + DEMO_STORE_ORIGINS (comma-separated; set by `npm run dev` and the e2e
// server, scripts/lib/demo-store.mjs) add the demo shop: its organisation, products and key.
import { registerJobs } from '@/inngest/register';
import { disconnectDb } from '@/lib/db';
import { seed } from '@/lib/seed/seed';
import { seedDemoData } from '@/lib/seed/seed-demo-data';
import { seedDemoShop } from '@/lib/seed/seed-demo-shop';

// The demo data's try-ons raise job events: register the runner, as the app does at start-up
// (without it, `npm run dev` on a fresh database failed: "No job runtime registered").
registerJobs();
const result = await seed();
const demoStoreKey = process.env.DEMO_STORE_KEY;
const demoStoreOrigins = (process.env.DEMO_STORE_ORIGINS ?? '').split(',').filter(Boolean);
const created = [
  ...result.created,
  ...(process.argv.includes('--demo') ? await seedDemoData() : []),
  ...(demoStoreKey && demoStoreOrigins.length
    ? (await seedDemoShop({ publishableKey: demoStoreKey, origins: demoStoreOrigins })).created
    : []),
];
process.stderr.write(
  created.length
    ? `[seed] created: ${created.join(', ')}\n`
    : '[seed] already seeded, nothing to do\n',
);
await disconnectDb();
