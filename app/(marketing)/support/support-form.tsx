'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { api } from '@/lib/client/api';
import { formatCount } from '@/lib/format';
import { useApiAction } from '@/lib/client/use-api-action';
import { formErrors, type FormErrors } from '@/lib/client/form-errors';
import {
  SUPPORT_MESSAGE_MAX,
  SUPPORT_TOPIC_LABELS,
  SUPPORT_TOPICS,
  supportMessageBody,
  type SupportMessageInput,
} from '@/lib/support/schemas';

const EMPTY = { email: '', name: '', topic: '', message: '', website: '' };

/** The support form: validated with the route's schema, errors beside each field. */
export function SupportForm({ signedInEmail }: { signedInEmail: string | null }) {
  const [fields, setFields] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors>({});
  const [sent, setSent] = useState(false);
  const send = useApiAction((body: SupportMessageInput) =>
    api<{ received: true }>('/api/support', { json: body }),
  );
  // The form's own errors win; the route's (same schema) show when the form had none.
  const shown: FormErrors = { ...formErrors(send.failure), ...errors };
  const set = (name: keyof typeof EMPTY) => (value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = supportMessageBody.safeParse({
      ...fields,
      email: signedInEmail ? undefined : fields.email.trim(),
      name: fields.name.trim() || undefined,
    });
    const found = parsed.success ? {} : formErrors(parsed.error);
    // Signed out, the address is how we answer (the route says the same).
    if (!signedInEmail && !fields.email.trim())
      found.email = 'enter an email address we can answer';
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    if (await send.run(parsed.data)) {
      setSent(true);
      setFields(EMPTY);
    }
  }

  if (sent)
    return (
      <Card>
        <Alert tone="success">
          Thank you — your message has reached the TrailRoom team. We will answer at{' '}
          <strong className="break-all">{signedInEmail ?? 'the address you gave'}</strong>.
        </Alert>
        <Button variant="secondary" className="mt-4 h-11" onClick={() => setSent(false)}>
          Write another message
        </Button>
      </Card>
    );

  return (
    <Card>
      <form
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        className="space-y-5"
        aria-label="Contact support"
      >
        {signedInEmail ? (
          <p className="text-sm text-slate-700">
            You are signed in: we will answer at{' '}
            <strong className="break-all text-slate-900">{signedInEmail}</strong>.
          </p>
        ) : (
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label="Your email" error={shown.email} hint="Where we answer you.">
              <Input
                type="email"
                name="email"
                autoComplete="email"
                required
                value={fields.email}
                onChange={(e) => set('email')(e.target.value)}
                className="h-11 text-base"
              />
            </Field>
            <Field label="Your name (optional)" error={shown.name}>
              <Input
                name="name"
                autoComplete="name"
                maxLength={100}
                value={fields.name}
                onChange={(e) => set('name')(e.target.value)}
                className="h-11 text-base"
              />
            </Field>
          </div>
        )}
        <Field label="What is it about?" error={shown.topic}>
          <Select
            name="topic"
            required
            value={fields.topic}
            onChange={(e) => set('topic')(e.target.value)}
            className="h-11 text-base"
          >
            <option value="">Choose a topic…</option>
            {SUPPORT_TOPICS.map((t) => (
              <option key={t} value={t}>
                {SUPPORT_TOPIC_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Your message"
          error={shown.message}
          hint={`What happened, and what you expected. At most ${formatCount(SUPPORT_MESSAGE_MAX)} characters; please no passwords or card numbers.`}
        >
          <Textarea
            name="message"
            required
            rows={7}
            maxLength={SUPPORT_MESSAGE_MAX}
            value={fields.message}
            onChange={(e) => set('message')(e.target.value)}
            className="text-base"
          />
        </Field>
        {/* The honeypot: hidden from people and screen readers; bots fill it in. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor="support-website">Website</label>
          <input
            id="support-website"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={fields.website}
            onChange={(e) => set('website')(e.target.value)}
          />
        </div>
        {send.error && Object.keys(formErrors(send.failure)).length === 0 && (
          <Alert>{send.error}</Alert>
        )}
        <Button type="submit" disabled={send.pending} className="h-11 w-full sm:w-auto">
          {send.pending ? 'Sending…' : 'Send message'}
        </Button>
      </form>
    </Card>
  );
}
