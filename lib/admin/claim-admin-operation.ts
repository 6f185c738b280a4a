import { AppError, isDuplicateKeyError } from '@/lib/errors';
import { AdminOperation, type AdminOperationDoc, type AdminOperationKind } from '@/models';

/** A `pending` operation older than this is taken to have died with its process. */
export const ADMIN_OPERATION_STALE_MS = 2 * 60_000;

export interface ClaimAdminOperationInput {
  kind: AdminOperationKind;
  entityId: string;
  /** The client's idempotency key for this intent (one dialog submission). */
  requestKey: string;
  actor: { userId: string; email?: string };
  reason: string;
  amountCents?: number;
  via?: 'stripe' | 'local';
}

export interface AdminOperationClaim {
  op: AdminOperationDoc;
  /** True: this request key already made its operation; the caller reports it and does nothing. */
  replayed: boolean;
}

const conflict = (message: string) => new AppError('conflict', message, { retryAfter: 5 });

/**
 * Claims the next step of an admin operation on one entity by inserting
 * `<kind>:<entityId>:<seq>` under a unique index. Of concurrent requests for
 * the same step exactly one inserts; a repeat of the same request key
 * replays; anyone else gets 409 and must reload to see what happened. While a
 * step is still pending (calling Stripe, dispatching a run) no new step may
 * start, so each step sees the state its predecessor left.
 */
export async function claimAdminOperation(
  input: ClaimAdminOperationInput,
  now = Date.now(),
): Promise<AdminOperationClaim> {
  const ops = await AdminOperation.find({ entityId: input.entityId, kind: input.kind })
    .sort({ seq: 1 })
    .lean<AdminOperationDoc[]>();
  const mine = ops.find((o) => o.requestKey === input.requestKey);
  if (mine) return { op: mine, replayed: true };
  const busy = ops.find(
    (o) => o.status === 'pending' && now - o.updatedAt.getTime() < ADMIN_OPERATION_STALE_MS,
  );
  if (busy) throw conflict('Another admin action on this is still in progress; reload in a moment');
  const seq = (ops.at(-1)?.seq ?? 0) + 1;
  const key = `${input.kind}:${input.entityId}:${seq}`;
  try {
    const doc = await AdminOperation.create({
      key,
      kind: input.kind,
      entityId: input.entityId,
      seq,
      requestKey: input.requestKey,
      actorId: input.actor.userId,
      ...(input.actor.email ? { actorEmail: input.actor.email } : {}),
      reason: input.reason,
      status: 'pending',
      ...(input.amountCents !== undefined ? { amountCents: input.amountCents } : {}),
      ...(input.via ? { via: input.via } : {}),
    });
    return { op: doc.toObject() as AdminOperationDoc, replayed: false };
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const winner = await AdminOperation.findOne({ key }).lean<AdminOperationDoc>();
    if (winner?.requestKey === input.requestKey) return { op: winner, replayed: true };
    throw conflict('Another admin did this a moment ago; reload to see the result');
  }
}

/** Records how a claimed operation ended. */
export async function finishAdminOperation(
  opId: AdminOperationDoc['_id'],
  status: 'succeeded' | 'failed',
  fields: { stripeRefundId?: string; error?: string } = {},
): Promise<void> {
  await AdminOperation.updateOne(
    { _id: opId },
    {
      $set: {
        status,
        ...(fields.stripeRefundId ? { stripeRefundId: fields.stripeRefundId } : {}),
        ...(fields.error ? { error: fields.error.slice(0, 1000) } : {}),
      },
    },
  );
}
