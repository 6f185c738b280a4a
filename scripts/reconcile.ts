// npm run reconcile — recompute every balance from the ledger and repair
// projections left behind (pass --dry-run to only report). Exit code 1 when
// the ledger itself is inconsistent.
import { disconnectDb } from '@/lib/db';
import { reconcile } from '@/lib/credits';

const dryRun = process.argv.includes('--dry-run');
const report = await reconcile({ repair: !dryRun });
const lines = [
  `[reconcile] users with a ledger: ${report.checkedUsers}, entries: ${report.checkedEntries}`,
  `[reconcile] balance projections ${dryRun ? 'out of date' : 'repaired'}: ${report.differences.length}`,
  ...report.differences.map(
    (d) =>
      `  user ${d.userId}: ledger free ${d.ledger.free} paid ${d.ledger.paid} (seq ${d.ledger.seq}) vs projection free ${d.projection.free} paid ${d.projection.paid} (seq ${d.projection.seq})`,
  ),
  `[reconcile] ledger inconsistencies: ${report.inconsistencies.length}`,
  ...report.inconsistencies.map((i) => `  user ${i.userId}: ${i.problem}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
await disconnectDb();
process.exit(report.inconsistencies.length ? 1 : 0);
