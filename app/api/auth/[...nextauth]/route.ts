import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// GET|POST /api/auth/* — next-auth (Google OAuth, development sign-in)
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
