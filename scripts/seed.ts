// npm run seed — idempotent seed of the database named by MONGODB_URI.
// `--demo` (what `npm run dev` passes) adds the demo shopper's demo data once.
import { disconnectDb } from '@/lib/db';
import { seed } from '@/lib/seed/seed';
import { seedDemoData } from '@/lib/seed/seed-demo-data';

const result = await seed();
const created = [
  ...result.created,
  ...(process.argv.includes('--demo') ? await seedDemoData() : []),
];
process.stderr.write(
  created.length
    ? `[seed] created: ${created.join(', ')}\n`
    : '[seed] already seeded, nothing to do\n',
);
await disconnectDb();
