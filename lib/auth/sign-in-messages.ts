/**
 * What the sign-in page says for each `?error=` next-auth (or we) put in the
 * URL, and for each `?notice=`. Unknown codes get a generic message; nothing
 * from the URL is ever echoed back.
 */
export interface SignInMessage {
  tone: 'error' | 'info';
  title: string;
  body: string;
  /** A page that helps (e.g. the support form), shown as a link under the body. */
  link?: { href: string; label: string };
}

const CANCELLED: SignInMessage = {
  tone: 'info',
  title: 'Sign-in cancelled',
  body: 'You cancelled signing in with Google, so nothing was shared with TrailRoom. Try again whenever you’re ready.',
};

const PROVIDER: SignInMessage = {
  tone: 'error',
  title: 'Google sign-in isn’t working right now',
  body: 'We couldn’t complete sign-in with Google — it returned an error or couldn’t be reached. Please try again in a minute.',
};

const ERRORS: Record<string, SignInMessage> = {
  access_denied: CANCELLED,
  OAuthCallback: {
    tone: 'error',
    title: 'Google sign-in couldn’t be completed',
    body: 'The sign-in was cancelled, expired, or didn’t match this browser (we check that for your security). Please start again.',
  },
  provider_error: PROVIDER,
  OAuthSignin: PROVIDER,
  Callback: PROVIDER,
  OAuthCreateAccount: PROVIDER,
  Configuration: {
    tone: 'error',
    title: 'Sign-in is misconfigured',
    body: 'Sign-in is not set up correctly on this server. Please tell us and try later.',
  },
  suspended: {
    tone: 'error',
    title: 'This account is suspended',
    body: 'You can’t sign in while your account is suspended. If you think this is a mistake, contact TrailRoom support.',
    link: { href: '/support', label: 'Contact support' },
  },
  AccessDenied: {
    tone: 'error',
    title: 'Sign-in refused',
    body: 'This account can’t sign in to TrailRoom.',
  },
  unverified_email: {
    tone: 'error',
    title: 'Your Google email isn’t verified',
    body: 'Verify the email address of your Google account with Google, then sign in again.',
  },
  CredentialsSignin: {
    tone: 'error',
    title: 'That didn’t work',
    body: 'Check the email address and try again.',
  },
  SessionRequired: {
    tone: 'info',
    title: 'Please sign in',
    body: 'Sign in to continue where you left off.',
  },
};

const NOTICES: Record<string, SignInMessage> = {
  signed_out_everywhere: {
    tone: 'info',
    title: 'Signed out everywhere',
    body: 'You’ve been signed out on every device. Sign in again to continue.',
  },
  account_deleted: {
    tone: 'info',
    title: 'Your account has been deleted',
    body: 'Your photos, try-ons, API keys and webhooks are gone. Thank you for trying TrailRoom.',
  },
  csrf: {
    tone: 'info',
    title: 'Please try again',
    body: 'The sign-in form had expired. It’s been refreshed — choose how to sign in again.',
  },
};

const GENERIC: SignInMessage = {
  tone: 'error',
  title: 'Sign-in failed',
  body: 'Something went wrong while signing you in. Please try again.',
};

export function signInMessage(params: {
  error?: string;
  notice?: string;
  csrf?: string;
}): SignInMessage | null {
  if (params.error) return Object.hasOwn(ERRORS, params.error) ? ERRORS[params.error]! : GENERIC;
  if (params.csrf === 'true') return NOTICES.csrf!;
  if (params.notice && Object.hasOwn(NOTICES, params.notice)) return NOTICES[params.notice]!;
  return null;
}
