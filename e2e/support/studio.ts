import { expect, type Page } from '@playwright/test';
import sharp from 'sharp';

/** Fixtures generated here, not committed: a figure on a backdrop and garments. */
export async function personPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="960">
    <rect width="720" height="960" fill="#e8e2d8"/>
    <circle cx="360" cy="190" r="90" fill="#c8936b"/>
    <rect x="300" y="270" width="120" height="40" fill="#c8936b"/>
    <rect x="220" y="300" width="280" height="330" rx="60" fill="#9aa5b1"/>
    <rect x="250" y="600" width="100" height="330" rx="30" fill="#3d4451"/>
    <rect x="370" y="600" width="100" height="330" rx="30" fill="#3d4451"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function garmentPng(colour: string, stripes = true): Promise<Buffer> {
  const pattern = stripes
    ? Array.from(
        { length: 8 },
        (_, i) =>
          `<rect x="0" y="${i * 90 + 30}" width="720" height="30" fill="#ffffff" fill-opacity="0.35"/>`,
      ).join('')
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="720"><rect width="720" height="720" fill="${colour}"/>${pattern}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Solid #FF00FF: the local provider's documented trigger for a final failure. */
export async function magentaPng(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 600, channels: 3, background: '#ff00ff' } })
    .png()
    .toBuffer();
}

export async function addPhoto(page: Page, label: string, name: string, buffer: Buffer) {
  await page
    .getByLabel(label, { exact: true })
    .setInputFiles({ name, mimeType: 'image/png', buffer });
  await expect(page.getByAltText(`${label} preview`)).toBeVisible();
}
