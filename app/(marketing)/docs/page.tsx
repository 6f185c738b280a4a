import Link from 'next/link';
import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { CREDIT_COSTS } from '@/lib/credits/config';
import { ERROR_STATUS } from '@/lib/errors';
import { openApiDocument } from '@/lib/openapi/document';
import { SdkSection } from './sdk-section';
import { WebhooksSection } from './webhooks-section';

export const metadata: Metadata = {
  title: 'API docs',
  description:
    'The TrailRoom REST API: try-on jobs, credits, billing, API keys and signed webhooks, with an OpenAPI 3.1 document.',
  alternates: { canonical: '/docs' },
};

const METHOD_STYLE: Record<string, string> = {
  get: 'bg-emerald-100 text-emerald-900',
  post: 'bg-blue-100 text-blue-900',
  patch: 'bg-amber-100 text-amber-900',
  delete: 'bg-red-100 text-red-900',
};

interface Operation {
  method: string;
  path: string;
  summary: string;
  description?: string;
  tag: string;
}

function operations(): Operation[] {
  const doc = openApiDocument();
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) {
      const o = op as { summary?: string; description?: string; tags?: string[] };
      out.push({
        method,
        path,
        summary: o.summary ?? '',
        ...(o.description ? { description: o.description } : {}),
        tag: o.tags?.[0] ?? 'Other',
      });
    }
  }
  return out;
}

const CURL = `curl -X POST https://trailroom.example/api/v1/tryon \\
  -H "x-api-key: tr_live_…" \\
  -H "Idempotency-Key: 7d1f…" \\
  -H "content-type: application/json" \\
  -d '{ "mode": "top",
        "user_image": "data:image/jpeg;base64,/9j/4AAQ…",
        "top_image": "https://shop.example/shirt.jpg" }'`;

export default function DocsPage() {
  const ops = operations();
  const tags = [...new Set(ops.map((o) => o.tag))];
  return (
    <div className="mx-auto max-w-4xl px-4 py-12">
      <h1 className="text-4xl font-bold tracking-tight text-slate-900">API documentation</h1>
      <p className="mt-4 text-lg text-slate-700">
        The engine behind the studio, as a REST API. JSON bodies are snake_case, every response is{' '}
        <code className="rounded bg-slate-100 px-1">Cache-Control: no-store</code>, and the full
        description is an OpenAPI 3.1 document generated from the same schemas the server validates
        with.
      </p>
      <p className="mt-3">
        <a
          href="/api/v1/openapi.json"
          className="text-brand-700 font-medium underline underline-offset-4"
        >
          Download openapi.json
        </a>
        <span className="text-slate-500" aria-hidden="true">
          {' '}
          ·{' '}
        </span>
        <Link
          href="/developers/playground"
          className="text-brand-700 font-medium underline underline-offset-4"
        >
          Try every call in the API playground
        </Link>{' '}
        <span className="text-sm text-slate-600">(signed in)</span>
      </p>

      <section aria-labelledby="auth" className="mt-10">
        <h2 id="auth" className="text-2xl font-semibold text-slate-900">
          Authentication and credits
        </h2>
        <p className="mt-3 text-slate-700">
          Send your key as <code className="rounded bg-slate-100 px-1">x-api-key: tr_live_…</code>{' '}
          (or call from a signed-in browser session). A top-only try-on costs {CREDIT_COSTS.top}{' '}
          credit and a full outfit {CREDIT_COSTS.full}; the cost is reserved when the job is
          accepted and refunded automatically, exactly once, if generation fails. Send an{' '}
          <code className="rounded bg-slate-100 px-1">Idempotency-Key</code> header to retry a
          submission safely.
        </p>
        <pre
          tabIndex={0}
          className="mt-4 overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm text-slate-100"
        >
          <code>{CURL}</code>
        </pre>
        <p className="mt-3 text-slate-700">
          The answer is <code className="rounded bg-slate-100 px-1">202</code> with the job; poll{' '}
          <code className="rounded bg-slate-100 px-1">GET /api/v1/tryon/&#123;id&#125;</code> until
          its status is <code className="rounded bg-slate-100 px-1">completed</code> (then fetch{' '}
          <code className="rounded bg-slate-100 px-1">/image</code>) or{' '}
          <code className="rounded bg-slate-100 px-1">failed</code>.
        </p>
      </section>

      <SdkSection />

      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="mt-10">
          <h2 id={`tag-${tag}`} className="text-2xl font-semibold text-slate-900">
            {tag}
          </h2>
          <ul className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200">
            {ops
              .filter((o) => o.tag === tag)
              .map((o) => (
                <li key={`${o.method} ${o.path}`} className="p-4">
                  <p className="flex flex-wrap items-center gap-3">
                    <span
                      className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_STYLE[o.method] ?? 'bg-slate-100'}`}
                    >
                      {o.method}
                    </span>
                    <code className="min-w-0 font-mono text-sm break-all text-slate-900">
                      /api/v1{o.path}
                    </code>
                  </p>
                  <p className="mt-2 text-slate-800">{o.summary}</p>
                  {o.description && <p className="mt-1 text-sm text-slate-600">{o.description}</p>}
                </li>
              ))}
          </ul>
        </section>
      ))}

      <WebhooksSection />

      <section aria-labelledby="errors" className="mt-10">
        <h2 id="errors" className="text-2xl font-semibold text-slate-900">
          Errors
        </h2>
        <p className="mt-3 text-slate-700">
          Every error has one shape,{' '}
          <code className="rounded bg-slate-100 px-1">
            {'{ "error": { "code", "message", "details"? } }'}
          </code>
          , and one status per code. 429 responses carry{' '}
          <code className="rounded bg-slate-100 px-1">Retry-After</code>.
        </p>
        <div className="mt-4">
          <DataTable
            caption="Error codes and their HTTP status"
            columns={[{ label: 'Code' }, { label: 'Status' }]}
          >
            {Object.entries(ERROR_STATUS).map(([code, status]) => (
              <tr key={code}>
                <td className="px-4 py-1.5 font-mono text-slate-900">{code}</td>
                <td className="px-4 py-1.5 text-slate-700 tabular-nums">{status}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      </section>
    </div>
  );
}
