import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { LegalPage } from '@/components/legal/legal-page';
import { CREDIT_COSTS, DAILY_FREE_CREDITS } from '@/lib/credits/config';
import { supportEmail } from '@/lib/env';
import { plural } from '@/lib/format';

export const metadata: Metadata = {
  title: 'Terms of service',
  description:
    'The rules for using TrailRoom: your photos, credits and purchases, AI-generated results, the developer API, suspension and leaving.',
  alternates: { canonical: '/terms' },
};

const UPDATED = '2026-12-01';

// The terms of service; rendered per request for the configured support address.
export default async function TermsPage() {
  await connection();
  return (
    <LegalPage
      title="Terms of service"
      updated={UPDATED}
      summary={
        <ul>
          <li>Upload only photos you have the right to use — of yourself, or with consent.</li>
          <li>Results are AI-generated previews, not a guarantee of fit, colour or size.</li>
          <li>
            Credits pay for try-ons; a try-on that fails gives its credits back automatically.
          </li>
          <li>You can delete your data or your account at any time.</li>
        </ul>
      }
      sections={[
        {
          id: 'service',
          title: 'The service',
          body: (
            <p>
              TrailRoom is a virtual fitting room: you upload a photo of yourself and of a garment,
              and we generate a picture of you wearing it. Developers can use the same engine
              through our API. By creating an account or using the API you accept these terms and
              our <Link href="/privacy">privacy policy</Link>.
            </p>
          ),
        },
        {
          id: 'your-photos',
          title: 'Your photos',
          body: (
            <>
              <ul>
                <li>
                  Upload only photos you have the right to use: photos of yourself, or of someone
                  who has agreed to it. Never upload photos of children or of anyone without their
                  consent.
                </li>
                <li>
                  No nudity, sexual content, violence, hateful material or anything unlawful, in the
                  photos or in how you use the results.
                </li>
                <li>
                  Your photos and results stay yours. You let us store and process them only to
                  provide the service to you, as the privacy policy describes — including sending
                  them to the AI provider that generates the result.
                </li>
              </ul>
            </>
          ),
        },
        {
          id: 'results',
          title: 'AI-generated results',
          body: (
            <p>
              Results are made by an image model and are a preview of how a garment might look on
              you. They can be inaccurate — fit, size, colour, texture and details may differ from
              the real garment — and they are not advice to buy. On a server without a configured
              model the result is a simple composite, labelled “Preview”. You may use your results
              for personal purposes; don’t present them as real photos of a product to mislead
              others.
            </p>
          ),
        },
        {
          id: 'credits',
          title: 'Credits and purchases',
          body: (
            <ul>
              <li>
                A top-only try-on costs {plural(CREDIT_COSTS.top, 'credit')} and a full outfit{' '}
                {plural(CREDIT_COSTS.full, 'credit')}. Every account gets{' '}
                {plural(DAILY_FREE_CREDITS, 'free credit')} a day (UTC), which do not add up from
                one day to the next and are used before paid credits.
              </li>
              <li>
                Paid credits are bought in packs at the prices on the{' '}
                <Link href="/pricing">pricing page</Link>, charged once through Stripe. They do not
                expire while your account exists.
              </li>
              <li>
                The cost is reserved when a try-on starts. If it fails, or you cancel it before it
                starts, the credits come back to your balance automatically.
              </li>
              <li>
                If something went wrong with a purchase, <Link href="/support">contact us</Link>: we
                can refund a payment to the card it came from. Credits already spent cannot be
                refunded.
              </li>
            </ul>
          ),
        },
        {
          id: 'developers',
          title: 'Developers and the API',
          body: (
            <ul>
              <li>
                Keep secret API keys (<code>tr_live_…</code>) on your server; you are responsible
                for what is done with your keys. Revoke a key at once if it leaks.
              </li>
              <li>
                Respect the rate limits, and only send images of people who have agreed to it. Test
                keys (<code>tr_test_…</code>) never charge credits.
              </li>
              <li>
                If you let others use TrailRoom through your integration, you must tell them how
                their photos are handled, as this policy does.
              </li>
            </ul>
          ),
        },
        {
          id: 'suspension',
          title: 'Suspension',
          body: (
            <p>
              We may suspend an account that breaks these terms, abuses the service or puts other
              people at risk. A suspended account cannot sign in or use its API keys. If you think a
              suspension is a mistake, write to us through the{' '}
              <Link href="/support">support form</Link> or at{' '}
              <a href={`mailto:${supportEmail}`}>{supportEmail}</a>.
            </p>
          ),
        },
        {
          id: 'leaving',
          title: 'Leaving',
          body: (
            <p>
              You can download your data and delete your account at any time from your{' '}
              <Link href="/account">account page</Link>. Unspent credits are lost when an account is
              deleted.
            </p>
          ),
        },
        {
          id: 'liability',
          title: 'Availability and liability',
          body: (
            <p>
              We work to keep TrailRoom available and correct, but provide it as it is, without a
              promise that it will always be available or error-free. As far as the law allows, we
              are not liable for indirect losses, such as a purchase made on the strength of a
              result. Nothing in these terms limits rights you have by law as a consumer.
            </p>
          ),
        },
        {
          id: 'changes',
          title: 'Changes to these terms',
          body: (
            <p>
              When we change these terms we update the date at the top of this page. Questions:{' '}
              <Link href="/support">support</Link>.
            </p>
          ),
        },
      ]}
      related={[
        { href: '/privacy', label: 'Privacy policy' },
        { href: '/support', label: 'Contact support' },
        { href: '/pricing', label: 'Pricing' },
      ]}
    />
  );
}
