'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function RepairButton() {
  const router = useRouter();
  const [state, setState] = useState<'idle' | 'working' | 'error'>('idle');
  async function repair() {
    setState('working');
    const res = await fetch('/api/admin/reconcile', { method: 'POST' });
    if (!res.ok) {
      setState('error');
      return;
    }
    setState('idle');
    router.refresh();
  }
  return (
    <div className="flex items-center gap-3">
      {state === 'error' && (
        <span role="alert" className="text-sm text-red-700">
          Repair failed. Try again.
        </span>
      )}
      <Button onClick={() => void repair()} disabled={state === 'working'}>
        {state === 'working' ? 'Repairing…' : 'Repair balances'}
      </Button>
    </div>
  );
}
