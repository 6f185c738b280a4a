// npm run storage:migrate -- --to s3|mongodb [--limit N] [--batch-size N]
// Moves existing image bytes between the asset documents and the S3 bucket
// (S3_* settings as for the app). Resumable: a stopped or killed run
// continues from its marker on the next run. Idempotent: a finished run
// repeated changes nothing; an asset left half-moved is completed.
// Exit code 1 when some asset's bytes do not match its sha256 or its object
// is missing from the bucket (left as they are, listed).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { disconnectDb } from '@/lib/db';
import { migrateImages, type MigrateImagesProgress } from '@/lib/storage';

const { values } = parseArgs({
  options: {
    to: { type: 'string' },
    limit: { type: 'string' },
    'batch-size': { type: 'string' },
  },
});
const args = z
  .object({
    to: z.enum(['s3', 'mongodb']),
    limit: z.coerce.number().int().positive().optional(),
    'batch-size': z.coerce.number().int().min(1).max(1000).optional(),
  })
  .safeParse(values);
if (!args.success) {
  process.stderr.write(
    'usage: npm run storage:migrate -- --to s3|mongodb [--limit N] [--batch-size N]\n',
  );
  process.exit(2);
}
const { to, limit } = args.data;

const line = (p: MigrateImagesProgress) =>
  `[storage:migrate] to ${to}: ${p.scanned}/${p.total} scanned, ${p.moved} moved, ${p.completed} half-moved completed${p.corrupt.length ? `, ${p.corrupt.length} corrupt` : ''}${p.missing.length ? `, ${p.missing.length} missing` : ''}`;

const result = await migrateImages({
  to,
  ...(limit ? { limit } : {}),
  ...(args.data['batch-size'] ? { batchSize: args.data['batch-size'] } : {}),
  onProgress: (p) => process.stdout.write(`${line(p)}\n`),
}).catch(async (err: unknown) => {
  // Progress so far is kept in the marker: the next run continues from there.
  process.stderr.write(`[storage:migrate] stopped: ${(err as Error).message}\n`);
  await disconnectDb();
  process.exit(1);
});
process.stdout.write(
  result.done
    ? `[storage:migrate] done: every image is in ${to}\n`
    : `[storage:migrate] stopped at --limit ${limit}; run again to continue\n`,
);
for (const id of result.corrupt)
  process.stdout.write(`  asset ${id}: bytes do not match its sha256, left in place\n`);
for (const id of result.missing)
  process.stdout.write(`  asset ${id}: its object is missing from the bucket, left as it is\n`);
await disconnectDb();
process.exit(result.corrupt.length || result.missing.length ? 1 : 0);
