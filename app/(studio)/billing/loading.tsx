// Skeleton while the payments load.
export default function BillingLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading payments">
      <div className="h-9 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-64 w-full animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
