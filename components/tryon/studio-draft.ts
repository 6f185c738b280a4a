'use client';

import { del, get, set } from 'idb-keyval';
import type { TryonMode } from '@/lib/tryon/schemas';
import type { StudioImage } from './studio-image';

/**
 * The studio's in-progress choice (mode and photos), kept on this device
 * while the shopper buys credits, so the studio comes back as it was after
 * the checkout — paid or cancelled. IndexedDB stores the picked files as
 * Blobs (nothing is uploaded for it); a draft older than a few hours is
 * dropped. Never required: without IndexedDB the studio simply starts empty.
 */
const KEY = 'trailroom.studio.draft';
const MAX_AGE_MS = 6 * 60 * 60 * 1000;

type Slot = 'person' | 'top' | 'bottom';
type StoredImage =
  | { source: 'file'; blob: Blob; width: number; height: number; originalBytes: number }
  | { source: 'ref'; ref: string; url: string; label: string };

interface StoredDraft {
  mode: TryonMode;
  images: Partial<Record<Slot, StoredImage>>;
  savedAt: number;
}

export interface StudioDraft {
  mode: TryonMode;
  images: Record<Slot, StudioImage | null>;
}

export async function saveStudioDraft(draft: StudioDraft): Promise<void> {
  const images: StoredDraft['images'] = {};
  for (const slot of ['person', 'top', 'bottom'] as const) {
    const img = draft.images[slot];
    if (!img) continue;
    images[slot] =
      img.source === 'file'
        ? {
            source: 'file',
            blob: img.blob,
            width: img.width,
            height: img.height,
            originalBytes: img.originalBytes,
          }
        : { source: 'ref', ref: img.ref, url: img.url, label: img.label };
  }
  try {
    await set(KEY, { mode: draft.mode, images, savedAt: Date.now() } satisfies StoredDraft);
  } catch {
    // No IndexedDB (private mode, old browser): the studio will start empty.
  }
}

/** The kept draft, removed as it is read (it is restored once). */
export async function takeStudioDraft(): Promise<StudioDraft | null> {
  let stored: StoredDraft | undefined;
  try {
    stored = await get<StoredDraft>(KEY);
    if (stored) await del(KEY);
  } catch {
    return null;
  }
  if (!stored || Date.now() - stored.savedAt > MAX_AGE_MS) return null;
  const images: StudioDraft['images'] = { person: null, top: null, bottom: null };
  for (const slot of ['person', 'top', 'bottom'] as const) {
    const s = stored.images[slot];
    if (!s) continue;
    images[slot] =
      s.source === 'file'
        ? {
            source: 'file',
            blob: s.blob,
            url: URL.createObjectURL(s.blob),
            width: s.width,
            height: s.height,
            originalBytes: s.originalBytes,
          }
        : s;
  }
  return { mode: stored.mode, images };
}
