import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GoogleProvider from 'next-auth/providers/google';
import { z } from 'zod';
import { authSecret, devLoginEnabled, env } from '@/lib/env';
import { User } from '@/models';
import { connectDb } from '@/lib/db';
import { upsertUserOnSignIn } from './upsert-user';

const devLoginSchema = z.object({ email: z.email().max(320) });

function providers(): NextAuthOptions['providers'] {
  const list: NextAuthOptions['providers'] = [];
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    list.push(
      GoogleProvider({
        clientId: env.GOOGLE_CLIENT_ID,
        clientSecret: env.GOOGLE_CLIENT_SECRET,
        // Tests point the provider at a local OIDC server standing in for Google.
        ...(env.GOOGLE_ISSUER
          ? { issuer: env.GOOGLE_ISSUER, wellKnown: `${env.GOOGLE_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration` }
          : {}),
        checks: ['pkce', 'state'],
      }),
    );
  }
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
          if (user.status !== 'active') throw new Error('suspended');
          return { id: user._id.toString(), email: user.email, name: user.name ?? null, image: user.image ?? null };
        },
      }),
    );
  }
  return list;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/signin', error: '/signin' },
  providers: providers(),
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider === 'google') {
        const email = profile?.email ?? user.email;
        const verified = (profile as { email_verified?: boolean } | undefined)?.email_verified;
        if (!email || verified === false) return '/signin?error=unverified_email';
        const dbUser = await upsertUserOnSignIn({
          email,
          name: profile?.name ?? user.name,
          image: (profile as { picture?: string } | undefined)?.picture ?? user.image,
          provider: 'google',
          providerAccountId: account.providerAccountId,
        });
        if (dbUser.status === 'suspended') return '/signin?error=suspended';
        if (dbUser.status !== 'active') return '/signin?error=AccessDenied';
        user.id = dbUser._id.toString();
      }
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        // First call after sign-in: pin the database id, role and session version.
        await connectDb();
        const dbUser = await User.findOne({ email: (user.email ?? '').toLowerCase() }).lean();
        if (dbUser) {
          token.uid = dbUser._id.toString();
          token.role = dbUser.role;
          token.sv = dbUser.sessionVersion ?? 0;
        }
      }
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
