'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { Price } from '@/components/price';
import { Button } from '@/components/ui/button';
import type { CheckoutStatusJson } from '@/lib/billing';
import { api, ApiError } from '@/lib/client';
import { formatCount } from '@/lib/format';
const POLL_MS = 1_000;
const GIVE_UP_MS = 90_000;

type View =
  | { kind: 'waiting'; status?: CheckoutStatusJson }
  | { kind: 'done'; status: CheckoutStatusJson }
  | { kind: 'stopped'; status: CheckoutStatusJson }
  | { kind: 'slow' }
  | { kind: 'error'; message: string };

/**
 * The webhook grants the credits; this page only watches for them, polling
 * the checkout status until the payment is granted or has clearly ended.
 */
export function SuccessClient({
  sessionId,
  returnTo = null,
}: {
  sessionId: string | null;
  /** `studio`: the purchase started in the studio, whose photos are waiting there. */
  returnTo?: 'studio' | null;
}) {
  const [view, setView] = useState<View>({ kind: 'waiting' });

  useEffect(() => {
    if (!sessionId) return;
    let stop = false;
    const started = Date.now();
    async function poll() {
      if (stop) return;
      try {
        const body = await api<CheckoutStatusJson>(
          `/api/v1/billing/checkout/${encodeURIComponent(sessionId!)}`,
        );
        if (body.credits_granted) return setView({ kind: 'done', status: body });
        if (['failed', 'canceled', 'flagged'].includes(body.status))
          return setView({ kind: 'stopped', status: body });
        setView({ kind: 'waiting', status: body });
      } catch (err) {
        // A network blip (status 0): keep polling; an answer with an error ends it.
        if (err instanceof ApiError && err.status !== 0)
          return setView({
            kind: 'error',
            message: err.message || 'Could not load this checkout.',
          });
      }
      if (Date.now() - started > GIVE_UP_MS) return setView({ kind: 'slow' });
      setTimeout(() => void poll(), POLL_MS);
    }
    void poll();
    return () => {
      stop = true;
    };
  }, [sessionId]);

  if (!sessionId) {
    return (
      <Message
        title="No checkout to show"
        body="Open this page from the end of a checkout, or see your payments."
      />
    );
  }
  if (view.kind === 'error')
    return <Message title="We could not find this checkout" body={view.message} />;
  if (view.kind === 'slow') {
    return (
      <Message
        title="Your payment is still being confirmed"
        body="This can take a few minutes for some payment methods. Your credits will appear on their own; nothing more to do."
      />
    );
  }
  if (view.kind === 'stopped') {
    const s = view.status;
    const reason =
      s.status === 'failed'
        ? 'The payment failed, so no credits were added and you were not charged.'
        : s.status === 'canceled'
          ? 'The checkout was canceled. You were not charged.'
          : 'We are reviewing this payment before adding the credits. Support will contact you if anything is needed.';
    return <Message title="No credits added" body={reason} />;
  }
  if (view.kind === 'done') {
    const s = view.status;
    return (
      <div
        className="mx-auto max-w-xl rounded-xl border border-emerald-200 bg-emerald-50 p-8 text-center"
        role="status"
      >
        <p className="text-sm font-semibold tracking-wide text-emerald-800 uppercase">
          Payment received
        </p>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">
          {formatCount(s.credits)} credits added
        </h1>
        <p className="mt-2 text-slate-700">
          You paid <Price cents={s.amount_cents} currency={s.currency} />.
        </p>
        <p className="mt-6 text-lg text-slate-900">
          Your balance:{' '}
          <strong data-testid="balance-total" className="tabular-nums">
            {formatCount(s.balance.total)}
          </strong>{' '}
          credits
        </p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Button asChild className="h-11">
            <Link href="/studio">
              {returnTo === 'studio' ? 'Back to your try-on' : 'Start a try-on'}
            </Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href="/billing">See payments</Link>
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div
      className="mx-auto max-w-xl rounded-xl border border-slate-200 p-8 text-center"
      role="status"
      aria-live="polite"
    >
      <div
        className="border-t-brand-700 mx-auto h-10 w-10 animate-spin rounded-full border-4 border-slate-200"
        aria-hidden
      />
      <h1 className="mt-4 text-2xl font-bold text-slate-900">Confirming your payment…</h1>
      <p className="mt-2 text-slate-700">
        {view.status
          ? `Adding ${formatCount(view.status.credits)} credits as soon as the payment is confirmed.`
          : 'This usually takes a few seconds.'}
      </p>
    </div>
  );
}

function Message({ title, body }: { title: string; body: string }) {
  return (
    <div
      className="mx-auto max-w-xl rounded-xl border border-slate-200 p-8 text-center"
      role="status"
    >
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="mt-2 text-slate-700">{body}</p>
      <div className="mt-6 flex justify-center gap-3">
        <Button asChild variant="secondary">
          <Link href="/billing">See payments</Link>
        </Button>
        <Button asChild variant="ghost">
          <Link href="/pricing">Pricing</Link>
        </Button>
      </div>
    </div>
  );
}
