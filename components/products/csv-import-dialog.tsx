'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { api, useApiAction } from '@/lib/client';
import { formatCount } from '@/lib/format';
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ImportResult } from '@/lib/products/schemas';

const TEMPLATE = `${IMPORT_COLUMNS.join(',')}\nTEE-001-M,Classic tee (M),top,https://shop.example/img/tee-m.jpg,https://shop.example/products/tee,classic-tee,true\n`;

const ERROR_COLUMNS = [
  { label: 'Row' },
  { label: 'SKU' },
  { label: 'Column' },
  { label: 'Problem' },
] as const;

/**
 * Bulk add/update from a CSV file: rows whose SKU exists update that
 * product. Shows what was created, updated, unchanged and refused, with a
 * row-by-row report of the refused rows (row numbers as in a spreadsheet).
 */
export function CsvImportDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: () => void;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  const run = useApiAction(
    (form: FormData) => api<ImportResult>('/api/v1/products/import', { method: 'POST', form }),
    { fallback: 'The file could not be imported.' },
  );
  const result = run.result;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      run.setError('Choose a CSV file first.');
      return;
    }
    const form = new FormData();
    form.set('file', file, file.name);
    if ((await run.run(form)) !== undefined) onImported();
  }

  return (
    <DialogRoot open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title="Import products from CSV"
        className="w-[min(94vw,44rem)]"
        description={
          <>
            <p>
              A header row, then one product per row. Columns: <code>sku</code>, <code>name</code>,{' '}
              <code>category</code> (top, bottom or one-piece) are required; <code>image_url</code>{' '}
              (https, several separated by |), <code>product_url</code>, <code>family</code> and{' '}
              <code>active</code> (true/false) are optional. A row whose SKU exists updates that
              product. At most {formatCount(MAX_IMPORT_ROWS)} rows and 1 MB.
            </p>
            <p>
              <a
                href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}
                download="trailroom-products.csv"
                className="text-brand-700 font-medium underline"
              >
                Download a template
              </a>
            </p>
          </>
        }
      >
        <form onSubmit={(e) => void submit(e)} className="mt-4 space-y-4">
          <div>
            <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-900">
              CSV file
            </label>
            <input
              ref={fileRef}
              id={`${id}-file`}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFileName(e.target.files?.[0]?.name ?? null)}
              className="mt-1 block w-full text-sm text-slate-800 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-50"
            />
          </div>
          {run.error && <Alert>{run.error}</Alert>}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>
              {result ? 'Done' : 'Cancel'}
            </Button>
            <Button type="submit" disabled={run.pending || !fileName}>
              {run.pending ? 'Importing…' : 'Import'}
            </Button>
          </div>
        </form>

        {result && (
          <section aria-labelledby={`${id}-result`} className="mt-6 space-y-3">
            <h3 id={`${id}-result`} className="font-semibold text-slate-900">
              Result
            </h3>
            <Alert tone={result.failed ? 'warning' : 'success'}>
              {formatCount(result.rows)} rows: {formatCount(result.created)} created,{' '}
              {formatCount(result.updated)} updated, {formatCount(result.unchanged)} unchanged,{' '}
              {formatCount(result.failed)} refused.
            </Alert>
            {result.errors.length > 0 && (
              <div className="max-h-72 overflow-y-auto" tabIndex={0} aria-label="Refused rows">
                <DataTable caption="Refused rows" columns={ERROR_COLUMNS}>
                  {result.errors.map((e, i) => (
                    <tr key={`${e.row}-${e.field}-${i}`}>
                      <td className="px-4 py-2 tabular-nums">{e.row}</td>
                      <td className="px-4 py-2 font-mono text-xs break-all">{e.sku ?? '—'}</td>
                      <td className="px-4 py-2 font-mono text-xs">{e.field}</td>
                      <td className="min-w-48 px-4 py-2">{e.message}</td>
                    </tr>
                  ))}
                </DataTable>
              </div>
            )}
          </section>
        )}
      </DialogContent>
    </DialogRoot>
  );
}
