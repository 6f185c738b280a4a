// A separate OS process that races the test process on one user's ledger:
// `tsx spend-worker.ts <userId> <count> <keyPrefix>` prints a JSON summary.
import { disconnectDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { drainInline } from '@/lib/jobs';
import { setLedgerTestHooks } from '@/lib/credits/ledger';
import { spendCredits } from '@/lib/credits/spend-credits';

const [userId, countArg, prefix] = process.argv.slice(2);
if (!userId || !countArg || !prefix)
  throw new Error('usage: spend-worker <userId> <count> <keyPrefix>');
setLedgerTestHooks({ serialize: false });
const results = await Promise.allSettled(
  Array.from({ length: Number(countArg) }, (_, i) =>
    spendCredits({
      userId,
      credits: 1,
      idempotencyKey: `${prefix}:${i}`,
      description: 'worker spend',
      referenceType: 'system',
      actor: { type: 'system' },
    }),
  ),
);
const ok = results.filter((r) => r.status === 'fulfilled').length;
const insufficient = results.filter(
  (r) =>
    r.status === 'rejected' &&
    r.reason instanceof AppError &&
    r.reason.code === 'insufficient_credits',
).length;
process.stdout.write(
  JSON.stringify({ ok, insufficient, other: results.length - ok - insufficient }),
);
// Events the spends raised (credits.low) run in this process in inline mode:
// let them finish before the connection goes, or they wait on it for ever.
await drainInline();
await disconnectDb();
