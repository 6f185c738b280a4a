import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { requirePageUser } from '@/lib/auth/caller';
import { CreateOrgForm } from './create-org-form';

export const metadata: Metadata = { title: 'New organisation' };
export const dynamic = 'force-dynamic';

export default async function NewOrgPage() {
  await requirePageUser({ returnTo: '/org/new' });
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">New organisation</h1>
        <p className="mt-1 text-slate-700">
          An organisation has its own credits, API keys, webhooks, products and history, shared with
          the people you invite. You are its owner; your personal account stays as it is.
        </p>
      </div>
      <Card>
        <CreateOrgForm />
      </Card>
    </div>
  );
}
