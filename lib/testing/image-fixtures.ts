import { randomBytes } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';

/**
 * Image fixtures generated in code (no committed binaries), shared by the
 * image, storage and AI tests and by the benchmarks.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.byteLength);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG whose (valid, CRC-checked) IHDR claims width×height, with a token IDAT: a decompression bomb's header. */
export function pngWithClaimedSize(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  // zlib stream of a few zero bytes: far too little data for the claimed size.
  const idat = Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function solid(
  width: number,
  height: number,
  colour: string,
  format: 'png' | 'jpeg' | 'webp' = 'png',
): Promise<Buffer> {
  const img = sharp({ create: { width, height, channels: 3, background: colour } });
  return (format === 'jpeg' ? img.jpeg() : format === 'webp' ? img.webp() : img.png()).toBuffer();
}

/** Two-colour image: left half `left`, right half `right`. */
export async function halves(
  width: number,
  height: number,
  left: string,
  right: string,
): Promise<Sharp> {
  const half = Math.floor(width / 2);
  const rightPart = await sharp({
    create: { width: width - half, height, channels: 3, background: right },
  })
    .png()
    .toBuffer();
  const composed = await sharp({ create: { width, height, channels: 3, background: left } })
    .composite([{ input: rightPart, left: half, top: 0 }])
    .png()
    .toBuffer();
  return sharp(composed);
}

/** A photo-like JPEG (smooth gradients plus noise) of the given size, for realistic encode/decode costs. */
export async function photoLikeJpeg(width: number, height: number, quality = 88): Promise<Buffer> {
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
      `<stop offset="0" stop-color="#d9a066"/><stop offset="0.5" stop-color="#4a6fa5"/><stop offset="1" stop-color="#2e2e38"/>` +
      `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>` +
      `<circle cx="${width / 2}" cy="${height / 3}" r="${Math.min(width, height) / 5}" fill="#f2d4b8"/></svg>`,
  );
  const noiseW = 256;
  const noise = await sharp(randomBytes(noiseW * noiseW * 3), {
    raw: { width: noiseW, height: noiseW, channels: 3 },
  })
    .png()
    .toBuffer();
  return sharp(gradient)
    .composite([{ input: noise, tile: true, blend: 'soft-light' }])
    .jpeg({ quality })
    .toBuffer();
}

/** A real PNG of about `megabytes` MB (incompressible noise). */
export async function noisePng(megabytes: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt((megabytes * 1024 * 1024) / 3));
  return sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}
