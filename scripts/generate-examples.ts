/**
 * The landing page's before/after examples, produced by the product's own
 * pipeline: the `local` provider's compositor (lib/ai/local-provider.ts, the
 * preview the studio shows on a machine without model keys) run over the CC0
 * sample photos in public/samples. Real results come from the configured
 * model (Gemini or OpenAI); the landing says so. Also draws the PNG icons of
 * the web manifest from app/icon.svg.
 *
 *   npx tsx scripts/generate-examples.ts   (deterministic; commit the output)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { composeLocalTryOn } from '../lib/ai/local-provider';

const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLES = path.join(ROOT, 'public/samples');
const OUT = path.join(ROOT, 'public/examples');
const ICONS = path.join(ROOT, 'public/icons');

/** Each example: a sample person, the garment(s), the mode. */
const EXAMPLES = [
  { name: 'ada-blue-tee', person: 'person-ada', top: 'top-blue-tee', mode: 'top' as const },
  {
    name: 'kai-green-jacket',
    person: 'person-kai',
    top: 'top-green-jacket',
    bottom: 'bottom-navy-trousers',
    mode: 'full' as const,
  },
];

/** Shown at up to 288 CSS px wide: 576 px covers 2x screens. */
const WIDTH = 576;

const sample = (name: string) => readFile(path.join(SAMPLES, `${name}.png`));
const webp = (img: Buffer, width: number) =>
  sharp(img).resize({ width }).webp({ quality: 78, effort: 6 }).toBuffer();

async function main() {
  await mkdir(OUT, { recursive: true });
  await mkdir(ICONS, { recursive: true });
  for (const ex of EXAMPLES) {
    const person = await sample(ex.person);
    const top = await sample(ex.top);
    const bottom = ex.bottom ? await sample(ex.bottom) : undefined;
    const result = await composeLocalTryOn({
      mode: ex.mode,
      person,
      top,
      ...(bottom ? { bottom } : {}),
    });
    await writeFile(path.join(OUT, `${ex.name}-before.webp`), await webp(person, WIDTH));
    await writeFile(path.join(OUT, `${ex.name}-after.webp`), await webp(result, WIDTH));
    await writeFile(path.join(OUT, `${ex.name}-garment.webp`), await webp(top, 160));
    process.stdout.write(`examples: ${ex.name}\n`);
  }
  const svg = await readFile(path.join(ROOT, 'app/icon.svg'));
  for (const size of [192, 512]) {
    await writeFile(
      path.join(ICONS, `icon-${size}.png`),
      await sharp(svg, { density: 1200 }).resize(size, size).png().toBuffer(),
    );
  }
  // Maskable: the mark inside the 80% safe zone on the brand colour.
  const inner = await sharp(svg, { density: 1200 }).resize(360, 360).png().toBuffer();
  await writeFile(
    path.join(ICONS, 'icon-maskable-512.png'),
    await sharp({ create: { width: 512, height: 512, channels: 4, background: '#164dd9' } })
      .composite([{ input: inner, left: 76, top: 76 }])
      .png()
      .toBuffer(),
  );
  await writeFile(
    path.join(ROOT, 'app/apple-icon.png'),
    await sharp(svg, { density: 1200 })
      .resize(180, 180)
      .flatten({ background: '#ffffff' })
      .png()
      .toBuffer(),
  );
  process.stdout.write('icons: public/icons, app/apple-icon.png\n');
}

await main();
