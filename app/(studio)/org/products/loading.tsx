import { Skeleton } from '@/components/ui/skeleton';

/** While the catalog loads: the title, the toolbar and a few rows. */
export default function LoadingProducts() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading products">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-10 w-full max-w-xl" />
      <div className="space-y-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-16 w-full" />
        ))}
      </div>
    </div>
  );
}
