import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { LegalPage } from '@/components/legal/legal-page';
import { describePhotoRecipients, PROVIDER_COMPANY } from '@/lib/ai/describe-photo-recipients';
import { env, supportEmail } from '@/lib/env';
import { plural } from '@/lib/format';

export const metadata: Metadata = {
  title: 'Privacy',
  description:
    'What TrailRoom stores, who can see your photos, which AI provider receives them, how long they are kept and how to delete or export them.',
  alternates: { canonical: '/privacy' },
};

const UPDATED = '2026-12-01';

// The privacy policy. Rendered per request: it states this server's own
// provider and retention settings, not the ones of the machine that built it.
export default async function PrivacyPage() {
  await connection();
  const recipients = describePhotoRecipients();
  const days = plural(env.RETENTION_DAYS, 'day');
  const modes = [
    { label: 'Top-only try-ons', choice: recipients.byMode.top },
    { label: 'Full-outfit try-ons', choice: recipients.byMode.full },
  ];
  const external = recipients.external.map((p) => PROVIDER_COMPANY[p]);

  return (
    <LegalPage
      title="Privacy policy"
      updated={UPDATED}
      summary={
        <>
          <p>
            <strong>In short:</strong> you upload a photo of yourself and of a garment so we can
            show you wearing it. Only you can see your photos and results (and TrailRoom staff when
            they investigate a problem). They are sent to the AI model that makes the picture,
            deleted after {days} unless you chose to keep them, and you can delete or download
            everything at any time.
          </p>
        </>
      }
      sections={[
        {
          id: 'what-we-store',
          title: 'What we store',
          body: (
            <>
              <ul>
                <li>
                  <strong>Your account:</strong> the email address, name and profile picture address
                  Google gives us when you sign in, your role, and when you last signed in. We never
                  see your Google password.
                </li>
                <li>
                  <strong>Your photos:</strong> the photo of yourself and the garment photos you
                  upload for a try-on, and the result. Before we store a photo we apply its
                  rotation, <strong>remove all metadata</strong> (including camera and GPS
                  location), resize it and re-encode it.
                </li>
                <li>
                  <strong>Saved photos (“My photos”), only if you opt in:</strong> a photo you ask
                  us to keep so you can reuse it, for the period you choose.
                </li>
                <li>
                  <strong>Your try-ons:</strong> for each one, the mode, its status, the credits it
                  used, the model that made it, and when it ran.
                </li>
                <li>
                  <strong>Credits and payments:</strong> every change to your credit balance, and
                  for each purchase the amount, the credits and Stripe’s references.{' '}
                  <strong>Your card details go to Stripe and never reach us.</strong>
                </li>
                <li>
                  <strong>Developer features, if you use them:</strong> API keys (we keep only a
                  hash and a short prefix, never the key itself), webhook addresses and the log of
                  deliveries to them.
                </li>
                <li>
                  <strong>Messages you send to support</strong>, with the address you give us to
                  reply to.
                </li>
                <li>
                  <strong>Technical records:</strong> our servers log requests (time, address
                  requested, status) to keep the service running and secure, and count requests per
                  IP address and per account to enforce rate limits.
                </li>
              </ul>
              <p>
                We use one cookie to keep you signed in (plus the sign-in library’s own security
                cookies). There are no advertising or third-party tracking cookies.
              </p>
            </>
          ),
        },
        {
          id: 'who-sees-it',
          title: 'Who can see your photos',
          body: (
            <ul>
              <li>
                <strong>You.</strong> Every photo and result is served only to the account that
                uploaded it; anyone else asking for it gets “not found”, as if it did not exist.
              </li>
              <li>
                <strong>TrailRoom staff with a support or administrator role,</strong> when they
                look into a try-on that failed or a problem you report. They open images through
                links that expire after 15 minutes, and every change they make to an account,
                credits or a job is written to an audit log.
              </li>
              <li>
                <strong>The AI model provider</strong> that generates your result (next section).
              </li>
            </ul>
          ),
        },
        {
          id: 'model-provider',
          title: 'Which AI provider receives your photos',
          body: (
            <>
              <p>
                To make a try-on we send your photo, the garment photo(s) and our written
                instructions to the image model below. Nothing else about you — not your name or
                email — is sent with them. This is this server’s current configuration:
              </p>
              <ul data-testid="privacy-providers">
                {modes.map(({ label, choice }) => (
                  <li key={label}>
                    <strong>{label}:</strong> {PROVIDER_COMPANY[choice.provider]}
                    {choice.provider === 'local' ? (
                      <> — your photos do not leave our servers.</>
                    ) : (
                      <>
                        , model <code>{choice.model}</code>.
                      </>
                    )}
                  </li>
                ))}
              </ul>
              <p>
                {external.length === 0 ? (
                  <>
                    No external AI provider is configured here, so no photo is sent outside
                    TrailRoom. Results are previews made by a simple compositor on our own server;
                    if a provider is added, this page will name it before any photo goes to it.
                  </>
                ) : (
                  <>
                    Photos can only ever go to {external.join(' or ')}: administrators may switch a
                    mode between configured providers, never to one that is not listed here. The
                    provider processes the images under its API terms for business customers to
                    produce the result and returns it to us.
                  </>
                )}
              </p>
            </>
          ),
        },
        {
          id: 'retention',
          title: 'How long we keep things',
          body: (
            <ul>
              <li>
                <strong>Try-on photos and results: {days}.</strong> Every day we delete images
                stored more than {days} ago (a photo you reused in a newer try-on is kept until that
                one is {days} old).
              </li>
              <li>
                <strong>Saved photos:</strong> for the period you pick when you save one (30 days,
                one year, or until you delete it).
              </li>
              <li>
                <strong>The try-on record</strong> (mode, date, credits, status — no image) stays in
                your History until you delete it or your account.
              </li>
              <li>
                <strong>Credit ledger and payments</strong> are kept for our accounts even after you
                delete your account, reduced to an anonymous id: the link to your Stripe customer
                record and receipts is removed.
              </li>
            </ul>
          ),
        },
        {
          id: 'delete-export',
          title: 'Deleting and downloading your data',
          body: (
            <ul>
              <li>
                <strong>Delete a try-on</strong> from <Link href="/history">History</Link> or its
                own page: the record and its images (those no other try-on of yours uses) are
                deleted at once.
              </li>
              <li>
                <strong>Delete a saved photo</strong> from My photos in the studio, at once.
              </li>
              <li>
                <strong>Download your data</strong> from your{' '}
                <Link href="/account">account page</Link>: a zip file with your profile, credit
                history, try-ons, payments, API key and webhook settings (never the keys themselves)
                as JSON, and your images.
              </li>
              <li>
                <strong>Delete your account</strong> from the same page: you are signed out
                everywhere and your account is anonymised immediately; your try-ons, images, API
                keys and webhooks are removed.
              </li>
            </ul>
          ),
        },
        {
          id: 'contact',
          title: 'Questions and requests',
          body: (
            <p>
              Write to us through the <Link href="/support">support form</Link> or at{' '}
              <a href={`mailto:${supportEmail}`}>{supportEmail}</a>. We answer requests about your
              data — access, correction, deletion — within 30 days.
            </p>
          ),
        },
      ]}
      related={[
        { href: '/terms', label: 'Terms of service' },
        { href: '/support', label: 'Contact support' },
        { href: '/pricing', label: 'Pricing' },
      ]}
    />
  );
}
