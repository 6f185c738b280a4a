// Used by scripts/contract.mjs: a shopper for the API fuzzer, with paid credits
// (granted through the ledger, no money moves), one API key and a session
// token signed with NEXTAUTH_SECRET. Prints them as one JSON line on stdout.
import { createApiKey } from '@/lib/apikeys';
import { grantPurchasedCredits } from '@/lib/credits';
import { connectDb, disconnectDb } from '@/lib/db';
import { User } from '@/models';
import { sessionToken } from '@/lib/testing/session-request';

const CREDITS = 100_000;

await connectDb();
const email = `contract-${Date.now()}@example.test`;
const user = await User.create({
  email,
  name: 'Contract Fuzzer',
  role: 'user',
  status: 'active',
  provider: 'seed',
  sessionVersion: 0,
});
const userId = user._id.toString();
await grantPurchasedCredits({
  userId,
  credits: CREDITS,
  idempotencyKey: `purchase:contract-${userId}`,
  description: 'Credits for the API contract run',
  referenceType: 'payment',
  actor: { type: 'system' },
});
const { key } = await createApiKey(userId, 'contract fuzzer');
const token = await sessionToken(user.toObject());
process.stdout.write(`${JSON.stringify({ userId, email, apiKey: key, sessionToken: token })}\n`);
await disconnectDb();
