// Skeleton while the history loads.
export default function HistoryLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" aria-label="Loading history">
      <div className="h-9 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-10 w-full max-w-xl animate-pulse rounded bg-slate-100" />
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="aspect-[3/4] animate-pulse rounded-xl bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
