import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/caller';
import { listPhotos, serializePhoto } from '@/lib/photos';
import { PhotosClient } from './photos-client';

export const metadata: Metadata = { title: 'My photos · TrailRoom' };
export const dynamic = 'force-dynamic';

// My photos: the photos a shopper chose to keep for later try-ons, each deletable at once.
export default async function MyPhotosPage() {
  const caller = await requirePageUser({ returnTo: '/studio/photos' });
  const photos = (await listPhotos(caller.userId)).map(serializePhoto);
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <header className="flex flex-col gap-1">
        <p className="text-sm">
          <Link href="/studio" className="text-brand-700 underline underline-offset-2">
            ← Studio
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">My photos</h1>
        <p className="max-w-2xl text-slate-600">
          Photos you chose to keep for your next try-ons, for as long as you chose. Deleting one
          removes it at once; a try-on that used it still shows it until you delete that try-on.{' '}
          <Link href="/privacy" className="text-brand-700 underline underline-offset-2">
            How we handle your photos
          </Link>
        </p>
      </header>
      <PhotosClient photos={photos} />
    </div>
  );
}
