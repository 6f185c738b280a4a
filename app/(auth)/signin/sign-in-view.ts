import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { signInMessage, type SignInMessage } from '@/lib/auth/sign-in-messages';

export interface SignInView {
  callbackUrl: string;
  message: SignInMessage | null;
}

/**
 * What the sign-in page shows for its query: where to go afterwards (no
 * callbackUrl: /start, which sends admins to the admin console and
 * everyone else to the studio; one that is not a path on our origin: the home
 * page) and the message for ?error= / ?notice=. Pure: the static page runs it
 * in the browser with the page's own origin.
 */
export function signInView(params: URLSearchParams, origin: string): SignInView {
  const asked = params.get('callbackUrl');
  return {
    callbackUrl: asked ? safeCallbackUrl(asked, origin) : '/start',
    message: signInMessage({
      error: params.get('error') ?? undefined,
      notice: params.get('notice') ?? undefined,
      csrf: params.get('csrf') ?? undefined,
    }),
  };
}
