// npm run seed — idempotent seed of the database named by MONGODB_URI.
import { disconnectDb } from '@/lib/db';
import { seed } from '@/lib/seed/seed';

const result = await seed();
process.stderr.write(
  result.created.length
    ? `[seed] created: ${result.created.join(', ')}\n`
    : '[seed] already seeded, nothing to do\n',
);
await disconnectDb();
