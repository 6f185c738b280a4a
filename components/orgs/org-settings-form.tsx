'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { api, fieldErrors, useApiAction } from '@/lib/client';

export interface OrgSettingsView {
  name: string;
  widgetRetentionHours: number;
  visitorDailyTryons: number;
  widgetDailyCreditCap: number | null;
}

/** Shopper-photo retention choices for the widget (hours). */
const RETENTION = [1, 6, 12, 24, 48, 72, 168] as const;

function hoursLabel(h: number): string {
  if (h % 24 === 0) return h === 24 ? '24 hours (default)' : `${h / 24} days`;
  return h === 1 ? '1 hour' : `${h} hours`;
}

type Errors = Partial<Record<'name' | 'visitor' | 'cap', string>>;

/**
 * The organisation's name and widget settings: how long shoppers' photos
 * are kept, try-ons per visitor per day, and an optional daily credit cap
 * for the widget. Read-only for members (the server checks the role again).
 */
export function OrgSettingsForm({
  orgId,
  initial,
  canEdit,
}: {
  orgId: string;
  initial: OrgSettingsView;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [name, setName] = useState(initial.name);
  const [retention, setRetention] = useState(String(initial.widgetRetentionHours));
  const [visitor, setVisitor] = useState(String(initial.visitorDailyTryons));
  const [cap, setCap] = useState(
    initial.widgetDailyCreditCap === null ? '' : String(initial.widgetDailyCreditCap),
  );
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const save = useApiAction(
    (body: unknown) => api(`/api/orgs/${orgId}`, { method: 'PATCH', json: body }),
    { fallback: 'Could not save the settings.' },
  );
  const server = fieldErrors(save.failure);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const next: Errors = {};
    const visitorN = Number(visitor);
    const capN = cap.trim() === '' ? null : Number(cap);
    if (!name.trim()) next.name = 'Give the organisation a name.';
    if (!Number.isInteger(visitorN) || visitorN < 0 || visitorN > 1000)
      next.visitor = 'A whole number from 0 to 1,000.';
    if (capN !== null && (!Number.isInteger(capN) || capN < 0))
      next.cap = 'A whole number of credits, or empty for no cap.';
    setErrors(next);
    if (Object.keys(next).length) return;
    const ok = await save.run({
      name: name.trim(),
      settings: {
        widget_retention_hours: Number(retention),
        visitor_daily_tryons: visitorN,
        widget_daily_credit_cap: capN,
      },
    });
    if (ok === undefined) return;
    setSaved(true);
    startTransition(() => router.refresh());
  }

  const retentionChoices = RETENTION.includes(
    initial.widgetRetentionHours as (typeof RETENTION)[number],
  )
    ? RETENTION
    : [...RETENTION, initial.widgetRetentionHours].sort((a, b) => a - b);

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Organisation settings">
      <fieldset disabled={!canEdit || save.pending} className="space-y-4">
        <Field label="Name" error={errors.name ?? server.name}>
          <Input
            id="org-settings-name"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            label="Keep shoppers’ photos for"
            hint="The widget tells shoppers; photos and results are deleted after this."
          >
            <Select
              id="org-settings-retention"
              value={retention}
              onChange={(e) => setRetention(e.target.value)}
            >
              {retentionChoices.map((h) => (
                <option key={h} value={h}>
                  {hoursLabel(h)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Try-ons per visitor per day"
            hint="0 turns the widget off for shoppers."
            error={errors.visitor ?? server.visitor_daily_tryons}
          >
            <Input
              id="org-settings-visitor"
              inputMode="numeric"
              value={visitor}
              onChange={(e) => setVisitor(e.target.value)}
            />
          </Field>
          <Field
            label="Widget credits per day (cap)"
            hint="Empty: no cap beyond your balance."
            error={errors.cap ?? server.widget_daily_credit_cap}
          >
            <Input
              id="org-settings-cap"
              inputMode="numeric"
              value={cap}
              placeholder="No cap"
              onChange={(e) => setCap(e.target.value)}
            />
          </Field>
        </div>
      </fieldset>
      {save.error && <Alert>{save.error}</Alert>}
      {saved && !save.error && <Alert tone="success">Settings saved.</Alert>}
      {canEdit ? (
        <Button type="submit" disabled={save.pending} aria-busy={save.pending} className="min-h-11">
          {save.pending ? 'Saving…' : 'Save settings'}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">Only owners and admins can change these settings.</p>
      )}
    </form>
  );
}
