import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GoogleProvider from 'next-auth/providers/google';
import { z } from 'zod';
import { authSecret, devLoginEnabled, env } from '@/lib/env';
import { User } from '@/models';
import { safeRedirectUrl } from './safe-callback-url';
import { upsertUserOnSignIn } from './upsert-user';

const devLoginSchema = z.object({ email: z.email().max(320) });

/** Claims of Google's ID token that we read (https://developers.google.com/identity/openid-connect/openid-connect). */
interface GoogleClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
  picture?: string;
}

function providers(): NextAuthOptions['providers'] {
  const list: NextAuthOptions['providers'] = [];
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    const issuer = env.GOOGLE_ISSUER?.replace(/\/$/, '');
    list.push(
      GoogleProvider({
        clientId: env.GOOGLE_CLIENT_ID,
        clientSecret: env.GOOGLE_CLIENT_SECRET,
        // Tests point the provider at a local OIDC server standing in for Google.
        ...(issuer ? { issuer, wellKnown: `${issuer}/.well-known/openid-configuration` } : {}),
        authorization: { params: { prompt: 'select_account', scope: 'openid email profile' } },
        checks: ['pkce', 'state'],
      }),
    );
  }
  // Never in a production build: devLoginEnabled is false whenever NODE_ENV=production.
  if (devLoginEnabled) {
    list.push(
      CredentialsProvider({
        id: 'dev',
        name: 'Development sign-in',
        credentials: { email: { label: 'Email', type: 'email' } },
        async authorize(credentials) {
          const parsed = devLoginSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const user = await upsertUserOnSignIn({ email: parsed.data.email, provider: 'dev' });
          // next-auth turns the message into /signin?error=suspended.
          if (user.status !== 'active') throw new Error('suspended');
          return {
            id: user._id.toString(),
            email: user.email,
            name: user.name ?? null,
            image: user.image ?? null,
          };
        },
      }),
    );
  }
  return list;
}

/** Thrown from the jwt callback to make next-auth drop the session cookie. */
class SessionRevokedError extends Error {
  override name = 'SessionRevokedError';
}

export const authOptions: NextAuthOptions = {
  // Read when a request is handled, so importing this module never needs the secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  // One product-styled page shows sign-in and every sign-in error.
  pages: { signIn: '/signin', error: '/signin' },
  providers: providers(),
  callbacks: {
    // Every callbackUrl (sign-in, sign-out) goes through the sign-in page's rule:
    // a path on APP_URL's origin, or the home page.
    redirect({ url }) {
      return safeRedirectUrl(url, env.APP_URL);
    },
    async signIn({ user, account, profile }) {
      if (account?.provider !== 'google') return true;
      const claims = (profile ?? {}) as GoogleClaims;
      const email = claims.email ?? user.email;
      if (!email || claims.email_verified === false) return '/signin?error=unverified_email';
      const dbUser = await upsertUserOnSignIn({
        email,
        name: claims.name ?? user.name,
        image: claims.picture ?? user.image,
        provider: 'google',
        providerAccountId: account.providerAccountId,
      });
      if (dbUser.status === 'suspended') return '/signin?error=suspended';
      if (dbUser.status !== 'active') return '/signin?error=AccessDenied';
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        // Sign-in: pin the database id, role and session version.
        const dbUser = await User.findOne({
          email: (user.email ?? '').trim().toLowerCase(),
        }).lean();
        if (!dbUser || dbUser.status !== 'active')
          throw new SessionRevokedError('account not active');
        token.uid = dbUser._id.toString();
        token.role = dbUser.role;
        token.sv = dbUser.sessionVersion ?? 0;
        return token;
      }
      // Every session read re-checks the person, so /api/auth/session drops a
      // deleted, suspended or signed-out-everywhere session and shows the
      // current role. Server-side checks never trust token.role (lib/auth/caller).
      const current = token.uid
        ? await User.findById(token.uid).select('role status sessionVersion').lean()
        : null;
      if (
        !current ||
        current.status !== 'active' ||
        (token.sv ?? 0) !== (current.sessionVersion ?? 0)
      ) {
        throw new SessionRevokedError('session revoked');
      }
      token.role = current.role;
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === 'string') {
        session.user.id = token.uid;
        session.user.role = token.role ?? 'user';
      }
      return session;
    },
  },
};
