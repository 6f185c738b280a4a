import { User } from '@/models';
import { connectDb } from '@/lib/db';
import { isDuplicateKeyError } from '@/lib/errors';

export interface SignInProfile {
  email: string;
  name?: string | null;
  image?: string | null;
  provider: 'google' | 'dev';
  providerAccountId?: string;
}

/**
 * Creates or updates the person on every sign-in. New users start as `user`;
 * their daily free credits come from the ledger's lazy top-up (one path only).
 */
export async function upsertUserOnSignIn(profile: SignInProfile) {
  await connectDb();
  const email = profile.email.trim().toLowerCase();
  const set = {
    lastLoginAt: new Date(),
    provider: profile.provider,
    ...(profile.name ? { name: profile.name } : {}),
    ...(profile.image ? { image: profile.image } : {}),
    ...(profile.providerAccountId ? { providerAccountId: profile.providerAccountId } : {}),
  };
  const update = { $set: set, $setOnInsert: { email, role: 'user', status: 'active', sessionVersion: 0 } };
  try {
    return await User.findOneAndUpdate({ email }, update, { upsert: true, new: true }).lean().orFail();
  } catch (err) {
    // Two first sign-ins racing: the unique email index lets one insert win.
    if (!isDuplicateKeyError(err)) throw err;
    return await User.findOneAndUpdate({ email }, { $set: set }, { new: true }).lean().orFail();
  }
}
