import { recordAudit, type RequestMeta } from '@/lib/audit';
import type { Caller } from '@/lib/auth/caller';
import { reconcile, type ReconcileReport } from './reconcile';

/** Runs reconcile for an admin; a run that repaired something is audited. */
export async function adminReconcile(input: {
  actor: Caller;
  repair: boolean;
  meta?: RequestMeta;
}): Promise<ReconcileReport> {
  const report = await reconcile({ repair: input.repair });
  if (input.repair && report.differences.length > 0) {
    await recordAudit({
      actor: { userId: input.actor.userId, email: input.actor.email, role: input.actor.role },
      action: 'ledger.reconcile',
      entity: { type: 'ledger' },
      before: {
        differences: report.differences.map((d) => ({ userId: d.userId, ...d.projection })),
      },
      after: { repaired: report.differences.map((d) => ({ userId: d.userId, ...d.ledger })) },
      ...(input.meta ? { meta: input.meta } : {}),
    });
  }
  return report;
}
