'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { postToParent } from './parent-messages';

/** The one message a refused dialog shows (unknown key or product, origin not allowed). */
export function WidgetRefusal({ allowedOrigins }: { allowedOrigins: string[] }) {
  useEffect(() => {
    postToParent(allowedOrigins, { type: 'trailroom:ready' });
  }, [allowedOrigins]);
  return (
    <section
      aria-labelledby="widget-refused-title"
      className="m-4 flex flex-col items-start gap-4 rounded-xl border border-slate-200 p-6"
    >
      <h1 id="widget-refused-title" className="text-lg font-semibold">
        Try-on is unavailable right now
      </h1>
      <p className="text-sm text-slate-700">
        This product cannot be tried on here at the moment. You can keep shopping as usual.
      </p>
      <Button
        variant="secondary"
        onClick={() => postToParent(allowedOrigins, { type: 'trailroom:close' })}
      >
        Close
      </Button>
    </section>
  );
}
