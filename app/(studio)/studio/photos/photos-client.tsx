'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { api, useApiAction } from '@/lib/client';
import { formatDate } from '@/lib/format';
import type { SavedPhotoResponse } from '@/lib/photos/schemas';

/** The saved photos as cards: when each goes, use it in a try-on, delete it. */
export function PhotosClient({ photos }: { photos: SavedPhotoResponse[] }) {
  const router = useRouter();
  const remove = useApiAction(
    async (id: string) => {
      const res = await api<{ id: string }>(`/api/photos/${id}`, { method: 'DELETE' });
      router.refresh();
      return res;
    },
    { fallback: 'Could not delete the photo.' },
  );

  if (photos.length === 0) {
    return (
      <EmptyState
        title="No saved photos"
        action={
          <Button asChild className="h-11">
            <Link href="/studio">Go to the studio</Link>
          </Button>
        }
      >
        When you add your photo in the studio, tick “Save this photo” to keep it here.
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {remove.error ? <Alert>{remove.error}</Alert> : null}
      <ul
        className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4"
        aria-label="Saved photos"
      >
        {photos.map((p) => (
          <li
            key={p.id}
            className="flex min-w-0 flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3"
            data-testid="saved-photo"
          >
            {/* eslint-disable-next-line @next/next/no-img-element -- the owner's asset */}
            <img
              src={p.image_url}
              alt={`Saved photo from ${formatDate(p.created_at)}`}
              loading="lazy"
              className="aspect-[3/4] w-full rounded-lg bg-slate-100 object-contain"
            />
            <p className="text-xs text-slate-700">
              Saved {formatDate(p.created_at)} ·{' '}
              {p.expires_at ? `kept until ${formatDate(p.expires_at)}` : 'kept until you delete it'}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button asChild variant="secondary" className="h-11 flex-1">
                <Link href={`/studio?photo=${p.id}`}>Use</Link>
              </Button>
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" className="h-11 flex-1" disabled={remove.pending}>
                    Delete<span className="sr-only"> photo saved {formatDate(p.created_at)}</span>
                  </Button>
                }
                title="Delete this photo?"
                description="It is removed from My photos and from our storage at once."
                action="Delete"
                onConfirm={() => void remove.run(p.id)}
              />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
