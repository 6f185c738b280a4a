import type { Metadata } from 'next';
import Link from 'next/link';
import { RealExample } from '@/components/marketing/real-example';
import { Price } from '@/components/price';
import { Button } from '@/components/ui/button';
import { CREDIT_COSTS, DAILY_FREE_CREDITS } from '@/lib/credits/config';
import { PRICING, presetPacks } from '@/lib/pricing';

export const metadata: Metadata = {
  title: { absolute: 'TrailRoom — try it on before you buy it' },
  description:
    'A virtual fitting room: upload a photo of yourself and of a garment, get a photo of you wearing it. Three free try-ons every day.',
  alternates: { canonical: '/' },
};

/** Standalone links on the dark band: 44 px tall on phones (tap targets). */
const devLink =
  'text-brand-200 inline-flex items-center font-medium underline underline-offset-4 max-sm:min-h-11';

const DEVELOPER_FEATURES = [
  {
    title: 'REST API',
    body: 'API keys, idempotent submissions, one error envelope, an OpenAPI 3.1 document.',
  },
  {
    title: 'Signed webhooks',
    body: 'Standard Webhooks signatures, retries for about a day, a delivery log you can replay.',
  },
  {
    title: 'API playground',
    body: 'Try every call from the browser with your session or a key, then copy it as curl.',
  },
] as const;

const STEPS = [
  {
    title: 'Upload yourself',
    body: 'A clear, front-facing photo. We strip its metadata and keep it only as long as you want.',
  },
  {
    title: 'Add the garment',
    body: 'A top, or a top and a bottom for the full outfit — any product photo works.',
  },
  {
    title: 'See it on you',
    body: 'In about a minute, a photo of you wearing it. Compare before and after, download, try again.',
  },
] as const;

export default function LandingPage() {
  const packs = presetPacks();
  const cheapest = packs[0]!;
  const maxDiscount = Math.round(PRICING.discount.fullBps / 100);
  return (
    <>
      <section className="from-brand-50 bg-gradient-to-b to-white">
        <div className="mx-auto grid max-w-6xl items-center gap-12 px-4 py-20 sm:py-24 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <div>
            <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-6xl">
              Try it on before you buy it.
            </h1>
            <p className="mt-6 max-w-2xl text-lg text-slate-700">
              TrailRoom is a virtual fitting room: upload a photo of yourself and of a garment, and
              get a photo of you wearing it. Three free try-ons every day.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Button asChild size="lg">
                <Link href="/studio">Start free</Link>
              </Button>
              <Button asChild size="lg" variant="secondary">
                <Link href="/pricing">See pricing</Link>
              </Button>
            </div>
          </div>
          <RealExample />
        </div>
      </section>
      <section aria-labelledby="how" className="mx-auto max-w-6xl px-4 py-16">
        <h2 id="how" className="text-2xl font-semibold text-slate-900">
          How it works
        </h2>
        <ol className="mt-8 grid gap-6 sm:grid-cols-3">
          {STEPS.map((s, i) => (
            <li key={s.title} className="rounded-xl border border-slate-200 p-6">
              <span className="text-brand-700 text-sm font-semibold">Step {i + 1}</span>
              <h3 className="mt-2 text-lg font-semibold">{s.title}</h3>
              <p className="mt-2 text-slate-700">{s.body}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="price" className="mx-auto max-w-6xl px-4 py-8">
        <div className="border-brand-200 bg-brand-50 flex flex-col gap-6 rounded-2xl border px-6 py-8 sm:flex-row sm:items-center sm:justify-between sm:px-10">
          <div>
            <h2 id="price" className="text-2xl font-semibold text-slate-900">
              Free every day, cheaper in volume
            </h2>
            <p className="mt-2 max-w-2xl text-slate-700">
              {DAILY_FREE_CREDITS} free credits every day. A top costs {CREDIT_COSTS.top} credit, a
              full outfit {CREDIT_COSTS.full}. Packs start at{' '}
              {cheapest.credits.toLocaleString('en-US')} credits for{' '}
              <Price cents={cheapest.totalCents} currency={cheapest.currency} />, with up to{' '}
              {maxDiscount}% off the more you buy. Bought credits never expire.
            </p>
          </div>
          <Button asChild size="lg" variant="secondary" className="shrink-0">
            <Link href="/pricing">Compare packs</Link>
          </Button>
        </div>
      </section>
      <section aria-labelledby="dev" className="mx-auto max-w-6xl px-4 py-8">
        <div className="rounded-2xl bg-slate-900 px-6 py-10 text-white sm:px-10">
          <h2 id="dev" className="text-2xl font-semibold">
            Built for developers too
          </h2>
          <p className="mt-3 max-w-2xl text-slate-200">
            The engine behind the studio, for your shop: the same try-ons, the same credits, and a
            refund of the cost whenever a generation fails.
          </p>
          <ul className="mt-8 grid gap-6 sm:grid-cols-3">
            {DEVELOPER_FEATURES.map((f) => (
              <li key={f.title}>
                <h3 className="font-semibold text-white">{f.title}</h3>
                <p className="mt-1 text-sm text-slate-300">{f.body}</p>
              </li>
            ))}
          </ul>
          <div className="mt-8 flex flex-wrap gap-x-6 gap-y-2">
            <Link href="/docs" className={devLink}>
              Read the API docs
            </Link>
            <Link href="/pricing?for=api" className={devLink}>
              Volume pricing
            </Link>
            <Link href="/developers/playground" className={devLink}>
              Open the playground
            </Link>
          </div>
        </div>
      </section>
    </>
  );
}
