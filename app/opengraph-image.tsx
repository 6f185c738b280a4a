import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import sharp from 'sharp';

// The link preview of every page that sets no image of its own, drawn once at
// build time: the name, the promise, and the landing's real before/after.
export const alt = 'TrailRoom — try it on before you buy it';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

async function asPng(file: string): Promise<string> {
  const png = await sharp(await readFile(path.join(process.cwd(), 'public/examples', file)))
    .resize({ height: 520 })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

export default async function OpengraphImage() {
  const [before, after] = await Promise.all([
    asPng('ada-blue-tee-before.webp'),
    asPng('ada-blue-tee-after.webp'),
  ]);
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        padding: '56px 64px',
        background: 'linear-gradient(180deg, #eef4ff 0%, #ffffff 100%)',
        color: '#0f172a',
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'column', maxWidth: 560 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, fontSize: 40 }}>
          <div style={{ width: 48, height: 48, borderRadius: 10, background: '#164dd9' }} />
          TrailRoom
        </div>
        <div style={{ marginTop: 36, fontSize: 68, fontWeight: 700, lineHeight: 1.05 }}>
          Try it on before you buy it.
        </div>
        <div style={{ marginTop: 24, fontSize: 30, color: '#334155' }}>
          A virtual fitting room. Three free try-ons every day.
        </div>
      </div>
      <div style={{ display: 'flex', gap: 16 }}>
        <img src={before} alt="" height={520} style={{ borderRadius: 24 }} />
        <img src={after} alt="" height={520} style={{ borderRadius: 24 }} />
      </div>
    </div>,
    size,
  );
}
