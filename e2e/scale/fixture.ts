// The two-instance test's data, through the same lib/ functions the product
// uses (run with tsx against the test's MONGODB_URI; prints one JSON line):
//   tsx e2e/scale/fixture.ts setup       users with credits (granted through the ledger),
//                                         API keys and a session token
//   tsx e2e/scale/fixture.ts reconcile   lib/credits reconcile, report only (no repair)
import { createApiKey } from '@/lib/apikeys';
import { grantPurchasedCredits, reconcile } from '@/lib/credits';
import { connectDb, disconnectDb } from '@/lib/db';
import { sessionToken } from '@/lib/testing/session-request';
import { User } from '@/models';

async function shopper(tag: string, paidCredits: number) {
  const user = await User.create({
    email: `scale-${tag}-${Date.now()}@example.test`,
    name: `Scale ${tag}`,
    role: 'user',
    status: 'active',
    provider: 'seed',
    sessionVersion: 0,
  });
  const userId = user._id.toString();
  if (paidCredits > 0)
    await grantPurchasedCredits({
      userId,
      credits: paidCredits,
      idempotencyKey: `purchase:scale-${userId}`,
      description: 'Credits for the two-instance test',
      referenceType: 'payment',
      actor: { type: 'system' },
    });
  const { key } = await createApiKey(userId, `scale ${tag}`);
  return { userId, apiKey: key, sessionToken: await sessionToken(user.toObject()) };
}

const command = process.argv[2];
await connectDb();
if (command === 'setup') {
  const out = {
    // 97 paid + today's 3 free = 100 credits for 200 one-credit try-ons.
    spender: await shopper('spender', 97),
    limited: await shopper('limited', 0),
    burst: await shopper('burst', 0),
    reader: await shopper('reader', 10),
    crash: await shopper('crash', 10),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else if (command === 'reconcile') {
  const report = await reconcile({ repair: false });
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  process.stderr.write(`usage: tsx e2e/scale/fixture.ts setup|reconcile\n`);
  process.exitCode = 2;
}
await disconnectDb();
