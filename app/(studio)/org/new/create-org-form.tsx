'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { api, ApiError, fieldErrors, useApiAction } from '@/lib/client';
import { slugFromName } from '@/components/orgs/slug';

interface Created {
  id: string;
}

/**
 * Name and slug (derived from the name until edited by hand). On success the
 * new organisation becomes the active account and its dashboard opens.
 */
export function CreateOrgForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useApiAction(
    async (body: { name: string; slug: string }) => {
      const org = await api<{ organization?: Created } & Partial<Created>>('/api/orgs', {
        method: 'POST',
        json: body,
      });
      const id = org.organization?.id ?? org.id;
      if (!id) throw new Error('The organisation was created but its id was not returned.');
      await api('/api/account/context', { method: 'POST', json: { org_id: id } });
      return id;
    },
    { fallback: 'Could not create the organisation.' },
  );

  const shownSlug = slugEdited ? slug : slugFromName(name);
  // The route's own field errors (422), and a taken slug (409), beside their fields.
  const server = fieldErrors(create.failure);
  const slugTaken = create.failure instanceof ApiError && create.failure.code === 'slug_taken';
  const nameError = errors.name ?? server.name;
  const slugError = errors.slug ?? server.slug ?? (slugTaken ? create.error : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = 'Give the organisation a name.';
    if (!/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/.test(shownSlug) || shownSlug.length < 2)
      next.slug = 'Use 2–48 lowercase letters, digits and dashes.';
    setErrors(next);
    if (Object.keys(next).length) return;
    const id = await create.run({ name: name.trim(), slug: shownSlug });
    if (id === undefined) return;
    router.push('/org/dashboard');
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="Organisation name" error={nameError}>
        <Input
          id="org-name"
          value={name}
          maxLength={100}
          autoComplete="organization"
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field
        label="Short name (slug)"
        hint="Lowercase letters, digits and dashes; unique across TrailRoom."
        error={slugError}
      >
        <Input
          id="org-slug"
          value={shownSlug}
          maxLength={48}
          onChange={(e) => {
            setSlugEdited(true);
            setSlug(e.target.value.toLowerCase());
          }}
        />
      </Field>
      {create.error && !slugTaken && <Alert>{create.error}</Alert>}
      <Button
        type="submit"
        disabled={create.pending}
        aria-busy={create.pending}
        className="min-h-11"
      >
        {create.pending ? 'Creating…' : 'Create organisation'}
      </Button>
    </form>
  );
}
