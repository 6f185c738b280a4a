'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { SpendCapView } from '@/lib/caps/account-spend-cap';
import { api } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';
import { formatCount, formatUtc } from '@/lib/format';

/**
 * The account's monthly spend cap (PATCH /api/v1/spend-cap): the person's
 * own on the account page, an organisation's in its settings (the route acts
 * for the account in context). Live try-ons past it answer 402; test keys never count.
 */
export function SpendCapCard({
  initial,
  accountLabel = 'your account',
}: {
  initial: SpendCapView;
  accountLabel?: string;
}) {
  const [view, setView] = useState(initial);
  const [value, setValue] = useState(initial.monthly_cap?.toString() ?? '');
  const [inputError, setInputError] = useState<string | null>(null);
  const save = useApiAction((monthly_cap: number | null) =>
    api<SpendCapView>('/api/v1/spend-cap', { method: 'PATCH', json: { monthly_cap } }),
  );

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < 1) {
      setInputError('A whole number of credits, 1 or more');
      return;
    }
    setInputError(null);
    const next = await save.run(n);
    if (next) setView(next);
  }

  async function onRemove() {
    const next = await save.run(null);
    if (next) {
      setView(next);
      setValue('');
    }
  }

  return (
    <Card aria-labelledby="spend-cap-title">
      <h2 id="spend-cap-title" className="text-lg font-semibold text-slate-900">
        Monthly spend cap
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        The most credits {accountLabel} may spend per calendar month (UTC), studio and API together.
        A try-on that would pass it is refused; test keys never count.
      </p>
      <p className="mt-3 text-sm text-slate-800" data-testid="spend-cap-usage">
        {view.monthly_cap == null
          ? `No cap. Used this month: ${formatCount(view.used_this_month)} credits.`
          : `Used this month: ${formatCount(view.used_this_month)} of ${formatCount(view.monthly_cap)} credits.`}{' '}
        Resets {formatUtc(view.resets_at)}.
      </p>
      <form
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        className="mt-4 flex flex-wrap items-start gap-3"
      >
        <Field
          label="Cap (credits per month)"
          error={inputError}
          className="min-w-0 flex-1 basis-56"
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setInputError(null);
            }}
            placeholder="No cap"
            className="h-11 text-base"
          />
        </Field>
        <div className="flex w-full flex-wrap gap-2 sm:mt-6 sm:w-auto">
          <Button type="submit" className="h-11 flex-1 sm:flex-none" disabled={save.pending}>
            {save.pending ? 'Saving…' : 'Save cap'}
          </Button>
          {view.monthly_cap != null && (
            <Button
              type="button"
              variant="secondary"
              className="h-11 flex-1 sm:flex-none"
              disabled={save.pending}
              onClick={() => void onRemove()}
            >
              Remove cap
            </Button>
          )}
        </div>
      </form>
      {save.error && <Alert className="mt-3">{save.error}</Alert>}
    </Card>
  );
}
