import sharp from 'sharp';
import { adjustCredits } from '@/lib/credits';
import { env } from '@/lib/env';
import { drainInline } from '@/lib/jobs';
import { createTryonJob } from '@/lib/tryon';
import { TryonJob, User } from '@/models';

/**
 * Demo data for `npm run dev`: the demo shopper gets welcome credits and two
 * finished try-ons (a top, a full outfit) made by the configured provider —
 * the local compositor without model keys — so History, Credits and the admin
 * pages have something to show on a first run. Runs once: a demo shopper who
 * has any try-on is left alone. Not used by the tests' seed.
 */
export const DEMO_WELCOME_CREDITS = 20;

// Drawn, not photographed: a figure on a backdrop, a striped top, trousers.
function svg(width: number, height: number, body: string): Promise<Buffer> {
  return sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`,
    ),
  )
    .png()
    .toBuffer();
}

const person = () =>
  svg(
    720,
    960,
    `<rect width="720" height="960" fill="#e8e2d8"/>
     <circle cx="360" cy="190" r="90" fill="#c8936b"/>
     <rect x="300" y="270" width="120" height="40" fill="#c8936b"/>
     <rect x="220" y="300" width="280" height="330" rx="60" fill="#9aa5b1"/>
     <rect x="250" y="600" width="100" height="330" rx="30" fill="#3d4451"/>
     <rect x="370" y="600" width="100" height="330" rx="30" fill="#3d4451"/>`,
  );

const top = () =>
  svg(
    720,
    720,
    `<rect width="720" height="720" fill="#1d4ed8"/>${Array.from(
      { length: 8 },
      (_, i) => `<rect y="${i * 90 + 30}" width="720" height="30" fill="#fff" fill-opacity="0.4"/>`,
    ).join('')}`,
  );

const bottom = () => svg(720, 720, `<rect width="720" height="720" fill="#78716c"/>`);

export async function seedDemoData(): Promise<string[]> {
  const [demo, admin] = await Promise.all([
    User.findOne({ email: env.SEED_DEMO_EMAIL }).lean(),
    User.findOne({ email: env.SEED_ADMIN_EMAIL }).lean(),
  ]);
  if (!demo || !admin) return [];
  const userId = demo._id.toString();
  if (await TryonJob.exists({ userId: demo._id })) return [];

  await adjustCredits({
    userId,
    credits: DEMO_WELCOME_CREDITS,
    idempotencyKey: `seed:demo-welcome:${userId}`,
    description: 'Welcome credits (demo data from the seed)',
    actor: { type: 'admin', id: admin._id.toString() },
  });
  const [me, shirt, trousers] = await Promise.all([person(), top(), bottom()]);
  for (const submission of [
    { mode: 'top' as const, images: { user: me, top: shirt }, requestHash: 'seed-demo-top' },
    {
      mode: 'full' as const,
      images: { user: me, top: shirt, bottom: trousers },
      requestHash: 'seed-demo-full',
    },
  ]) {
    await createTryonJob({
      userId,
      source: { kind: 'web' },
      submission: { ...submission, idempotencyKey: `seed-demo-${submission.mode}` },
    });
  }
  // The jobs run in this process (inline mode): let them finish before it exits.
  await drainInline(120_000);
  return [`demo data: ${DEMO_WELCOME_CREDITS} welcome credits and two try-ons for ${demo.email}`];
}
