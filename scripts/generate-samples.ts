/**
 * Draws the sample people and garments in public/samples (lib/photos/samples.ts
 * lists them): simple illustrations made for TrailRoom and released CC0, so a
 * new shopper can try once without photos of their own. Deterministic; run
 * `npx tsx scripts/generate-samples.ts` after changing a drawing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { SAMPLES } from '../lib/photos/samples';

const W = 768;

function person(o: { skin: string; hair: string; top: string; legs: string; long: boolean }) {
  // Long hair falls behind the head; both styles have a fringe over the forehead.
  const back = o.long
    ? `<path d="M300 200 Q296 96 384 92 Q472 96 468 200 L480 340 Q384 360 288 340 Z" fill="${o.hair}"/>`
    : '';
  const hair = `<path d="M312 178 Q310 100 384 96 Q458 100 456 178 Q430 130 384 138 Q338 130 312 178 Z" fill="${o.hair}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="1024" viewBox="0 0 768 1024">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#eef2f7"/><stop offset="1" stop-color="#dfe6ee"/></linearGradient></defs>
  <rect width="768" height="1024" fill="url(#bg)"/>
  <ellipse cx="384" cy="962" rx="210" ry="26" fill="#cbd5e1"/>
  <rect x="300" y="560" width="76" height="380" rx="30" fill="${o.legs}"/>
  <rect x="392" y="560" width="76" height="380" rx="30" fill="${o.legs}"/>
  <ellipse cx="330" cy="948" rx="52" ry="20" fill="#1f2937"/>
  <ellipse cx="438" cy="948" rx="52" ry="20" fill="#1f2937"/>
  <path d="M262 316 Q232 330 222 380 L196 610 Q196 640 222 640 Q244 640 248 612 L278 400 Z" fill="${o.top}"/>
  <path d="M506 316 Q536 330 546 380 L572 610 Q572 640 546 640 Q524 640 520 612 L490 400 Z" fill="${o.top}"/>
  <circle cx="222" cy="650" r="24" fill="${o.skin}"/>
  <circle cx="546" cy="650" r="24" fill="${o.skin}"/>
  <rect x="356" y="236" width="56" height="72" rx="20" fill="${o.skin}"/>
  <path d="M262 316 Q384 276 506 316 L522 600 L246 600 Z" fill="${o.top}"/>
  <path d="M346 300 Q384 330 422 300" stroke="#94a3b8" stroke-width="6" fill="none"/>
  ${back}
  <ellipse cx="384" cy="186" rx="70" ry="84" fill="${o.skin}"/>
  ${hair}
  <circle cx="358" cy="190" r="7" fill="#1f2937"/>
  <circle cx="410" cy="190" r="7" fill="#1f2937"/>
  <path d="M360 226 Q384 244 408 226" stroke="#7c2d12" stroke-width="6" fill="none" stroke-linecap="round"/>
</svg>`;
}

const frame = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${W}" viewBox="0 0 768 768"><rect width="768" height="768" fill="#ffffff"/>${body}</svg>`;

const TEE =
  'M304 120 Q384 180 464 120 L588 168 L668 320 L580 360 L548 300 L548 660 L220 660 L220 300 L188 360 L100 320 L180 168 Z';
const LONG =
  'M304 120 Q384 180 464 120 L588 168 L660 560 L590 580 L548 330 L548 660 L220 660 L220 330 L178 580 L108 560 L180 168 Z';

const DRAWINGS: Record<string, string> = {
  'person-ada': person({
    skin: '#c68a63',
    hair: '#2b1b12',
    top: '#e2e8f0',
    legs: '#475569',
    long: true,
  }),
  'person-kai': person({
    skin: '#f0c9a4',
    hair: '#8a5a2b',
    top: '#e5e7eb',
    legs: '#334155',
    long: false,
  }),
  'top-blue-tee': frame(
    `<path d="${TEE}" fill="#2563eb"/><path d="M304 120 Q384 180 464 120" stroke="#1e40af" stroke-width="12" fill="none"/>`,
  ),
  'top-striped-sweater': frame(
    `<clipPath id="c"><path d="${LONG}"/></clipPath><path d="${LONG}" fill="#b91c1c"/><g clip-path="url(#c)">${Array.from(
      { length: 9 },
      (_, i) => `<rect x="0" y="${150 + i * 60}" width="768" height="26" fill="#ffffff"/>`,
    ).join(
      '',
    )}</g><path d="M304 120 Q384 180 464 120" stroke="#7f1d1d" stroke-width="14" fill="none"/>`,
  ),
  'top-green-jacket': frame(
    `<path d="${LONG}" fill="#166534"/><path d="M384 160 L384 660" stroke="#d4d4d8" stroke-width="8"/><path d="M304 120 L352 210 L384 160 L416 210 L464 120" fill="#14532d"/><rect x="250" y="420" width="80" height="60" rx="8" fill="#14532d"/><rect x="438" y="420" width="80" height="60" rx="8" fill="#14532d"/>`,
  ),
  'bottom-navy-trousers': frame(
    `<path d="M250 80 L518 80 L560 700 L420 700 L384 300 L348 700 L208 700 Z" fill="#1e3a8a"/><rect x="250" y="80" width="268" height="40" fill="#172554"/>`,
  ),
  'dress-sunday-midi': frame(
    `<path d="M318 60 L450 60 L470 250 L600 708 L168 708 L298 250 Z" fill="#be185d"/><path d="M318 60 Q384 130 450 60" stroke="#831843" stroke-width="12" fill="none"/><rect x="290" y="236" width="188" height="26" fill="#831843"/>${Array.from(
      { length: 5 },
      (_, i) =>
        `<circle cx="${300 + i * 42}" cy="${420 + (i % 2) * 90}" r="14" fill="#fbcfe8"/><circle cx="${258 + i * 62}" cy="${600 + (i % 2) * 40}" r="14" fill="#fbcfe8"/>`,
    ).join('')}`,
  ),
  'bottom-denim-skirt': frame(
    `<path d="M270 140 L498 140 L590 600 L178 600 Z" fill="#3b82f6"/><rect x="270" y="140" width="228" height="40" fill="#1d4ed8"/><path d="M200 570 L568 570" stroke="#fde68a" stroke-width="5" stroke-dasharray="14 10"/>`,
  ),
};

const out = path.join(process.cwd(), 'public', 'samples');
await mkdir(out, { recursive: true });
for (const s of SAMPLES) {
  const svg = DRAWINGS[s.id];
  if (!svg) throw new Error(`No drawing for sample ${s.id}`);
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
  await writeFile(path.join(out, `${s.id}.png`), png);
  console.log(`${s.src} ${png.length} bytes`);
}
