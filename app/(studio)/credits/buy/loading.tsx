import { Skeleton } from '@/components/ui/skeleton';

// Skeleton while the packs load (in place of the credits page's own).
export default function BuyCreditsLoading() {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6" aria-busy="true">
      <span className="sr-only" role="status">
        Loading the credit packs…
      </span>
      <Skeleton className="h-9 w-48" />
      <div className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-32 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
