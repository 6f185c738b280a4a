'use client';

import { Button } from '@/components/ui/button';

// Shown when any signed-in page cannot be loaded (database unreachable…);
// the header stays, so the person can go elsewhere or try again.
export default function StudioAreaError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div
      role="alert"
      className="mx-auto flex max-w-md flex-col items-center gap-3 rounded-xl border border-red-200 bg-red-50 p-8 text-center"
    >
      <h1 className="text-lg font-semibold text-red-900">This page could not be loaded</h1>
      <p className="text-sm text-red-800">This is on our side. Try again in a moment.</p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
