import Link from 'next/link';
import { Button } from '@/components/ui/button';

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
    body: 'In seconds, a photo of you wearing it. Compare before and after, download, try again.',
  },
] as const;

export default function LandingPage() {
  return (
    <>
      <section className="from-brand-50 bg-gradient-to-b to-white">
        <div className="mx-auto max-w-6xl px-4 py-20 sm:py-28">
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
      <section aria-labelledby="dev" className="mx-auto max-w-6xl px-4 py-8">
        <div className="rounded-2xl bg-slate-900 px-6 py-10 text-white sm:px-10">
          <h2 id="dev" className="text-2xl font-semibold">
            Built for developers too
          </h2>
          <p className="mt-3 max-w-2xl text-slate-200">
            The same engine behind a REST API with API keys, idempotent submissions and automatic
            refunds on failure, described by an OpenAPI document.
          </p>
          <Link
            href="/docs"
            className="text-brand-200 mt-6 inline-block font-medium underline underline-offset-4"
          >
            Read the API docs
          </Link>
        </div>
      </section>
    </>
  );
}
