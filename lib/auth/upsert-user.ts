import { User, type UserDoc } from '@/models';
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
 * their daily free credits come from the ledger's lazy top-up (one path only,
 * so nothing is granted here). A suspended account is returned untouched: a
 * refused sign-in must not count as a login.
 */
export async function upsertUserOnSignIn(profile: SignInProfile): Promise<UserDoc> {
  const email = profile.email.trim().toLowerCase();
  const existing = await User.findOne({ email }).lean<UserDoc>();
  if (existing && existing.status !== 'active') return existing;

  const set = {
    lastLoginAt: new Date(),
    provider: profile.provider,
    ...(profile.name ? { name: profile.name.slice(0, 200) } : {}),
    ...(profile.image ? { image: profile.image.slice(0, 2048) } : {}),
    ...(profile.providerAccountId ? { providerAccountId: profile.providerAccountId } : {}),
  };
  const update = {
    $set: set,
    $setOnInsert: { email, role: 'user', status: 'active', sessionVersion: 0 },
  };
  try {
    return await User.findOneAndUpdate({ email }, update, {
      upsert: true,
      returnDocument: 'after',
    })
      .lean<UserDoc>()
      .orFail();
  } catch (err) {
    // Two first sign-ins racing: the unique email index lets one insert win.
    if (!isDuplicateKeyError(err)) throw err;
    return await User.findOneAndUpdate({ email }, { $set: set }, { returnDocument: 'after' })
      .lean<UserDoc>()
      .orFail();
  }
}
