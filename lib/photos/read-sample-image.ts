import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { notFound } from '@/lib/errors';
import { findSample } from './samples';

/** The bytes of a shipped sample, by catalogue id only (never a path or URL from the request). */
export async function readSampleImage(id: string): Promise<Buffer> {
  const sample = findSample(id);
  if (!sample) throw notFound('Sample');
  return readFile(path.join(process.cwd(), 'public', sample.src));
}
