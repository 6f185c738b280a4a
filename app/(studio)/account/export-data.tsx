'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { downloadFile } from '@/lib/client/download';
import { useApiAction } from '@/lib/client/use-api-action';

/** "Download my data": a zip of every record and image we keep about the person. */
export function ExportData() {
  const { run, pending, error, result } = useApiAction(() =>
    downloadFile('/api/account/export', 'trailroom-data.zip'),
  );
  return (
    <Card aria-labelledby="export-title">
      <h2 id="export-title" className="text-lg font-semibold text-slate-900">
        Your data
      </h2>
      <p className="mt-2 max-w-2xl text-sm text-slate-700">
        Download everything TrailRoom keeps about you as one zip file: your profile, credit history,
        try-ons, payments, API keys (names and prefixes, never the keys) and webhooks (never their
        secrets), with every photo you uploaded and every result.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          className="h-11"
          onClick={() => void run()}
          disabled={pending}
          aria-busy={pending}
        >
          {pending ? 'Preparing your download…' : 'Download my data'}
        </Button>
        {result && !pending && !error && <Alert tone="success">Downloaded {result}.</Alert>}
        {error && <Alert>{error}</Alert>}
      </div>
    </Card>
  );
}
