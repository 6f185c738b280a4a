const CREATE = `import { readFile } from 'node:fs/promises';
import { createTrailRoom, TrailRoomError } from '@trailroom/sdk';

const trailroom = createTrailRoom({
  apiKey: process.env.TRAILROOM_API_KEY, // "tr_live_…"
  baseUrl: 'https://trailroom.example',
});

try {
  const job = await trailroom.tryon.create({
    userImage: await readFile('me.jpg'), // Buffer, Blob or File…
    topImage: 'https://shop.example/shirt.jpg', // …or a URL
    idempotencyKey: '7d1f…',
  });
  // Polls GET /tryon/{id} with back-off, honouring Retry-After
  const done = await trailroom.tryon.wait(job.id);
  if (done.status === 'completed') {
    const image = await trailroom.tryon.image(done.id); // a WebP Blob
  }
} catch (err) {
  if (err instanceof TrailRoomError) {
    console.error(err.status, err.code, err.message); // 402 insufficient_credits …
  }
}`;

const VERIFY = `// The raw body and headers of the POST we sent you
const event = trailroom.webhooks.verify(body, req.headers, process.env.TRAILROOM_WEBHOOK_SECRET);
if (event.type === 'tryon.completed') console.log(event.data.job.id);`;

/** The TypeScript SDK beside the curl example of /docs (the SDK lives in sdk/, see its README). */
export function SdkSection() {
  const code = 'rounded bg-slate-100 px-1';
  const pre = 'mt-4 overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm text-slate-100';
  return (
    <section aria-labelledby="sdk" className="mt-10">
      <h2 id="sdk" className="text-2xl font-semibold text-slate-900">
        TypeScript SDK
      </h2>
      <p className="mt-3 text-slate-700">
        The same call with <code className={code}>@trailroom/sdk</code>: a typed client generated
        from the OpenAPI document (<code className={code}>openapi-typescript</code> +{' '}
        <code className={code}>openapi-fetch</code>), for Node 20+ and browsers. Files are sent as
        base64; every failure is a <code className={code}>TrailRoomError</code> with the
        envelope&rsquo;s <code className={code}>code</code>, <code className={code}>message</code>,{' '}
        <code className={code}>details</code> and the HTTP <code className={code}>status</code>.
      </p>
      <pre tabIndex={0} aria-label="SDK example: create a try-on and wait for it" className={pre}>
        <code>{CREATE}</code>
      </pre>
      <p className="mt-3 text-slate-700">
        Webhooks are verified with the same Standard Webhooks check as below; a bad signature throws{' '}
        <code className={code}>invalid_signature</code>. Every other operation is typed on{' '}
        <code className={code}>trailroom.api</code>, e.g.{' '}
        <code className={code}>trailroom.api.GET(&apos;/credits&apos;)</code>.
      </p>
      <pre tabIndex={0} aria-label="SDK example: verify a webhook" className={pre}>
        <code>{VERIFY}</code>
      </pre>
    </section>
  );
}
