import Link from 'next/link';

/**
 * Said on every signed-in page while the person acts for an organisation:
 * what they do there (try-ons, credits, keys, billing) is the
 * organisation's, not theirs. Switching back is in the header.
 */
export function AccountContextBanner({ name, role }: { name: string; role: string }) {
  return (
    <div
      role="note"
      aria-label="Active account"
      data-testid="account-context-banner"
      className="border-b border-violet-200 bg-violet-50 px-4 py-2 text-sm text-violet-950"
    >
      <p className="mx-auto max-w-6xl">
        Working in <strong className="font-semibold">{name}</strong> ({role}): try-ons, credits,
        billing, API keys and webhooks here belong to the organisation.{' '}
        <Link
          href="/org/dashboard"
          className="font-medium underline underline-offset-2 hover:text-violet-800"
        >
          Organisation dashboard
        </Link>
      </p>
    </div>
  );
}
