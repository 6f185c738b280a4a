import { appendAtNextSeq, insertOnce, seqId } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { AdminGrant, type AdminGrantDoc } from '@/models';
import { ADMIN_DAILY_GRANT_CAP } from './config';
import { utcDay } from './utc-day';

export interface AdminGrantClaim {
  /** The admin's total for the day including this grant. */
  totalAfter: number;
  /** True: this operation had claimed its slot before (a replay, or a retry after a crash). */
  replayed: boolean;
}

const MAX_ATTEMPTS = 200;

type GrantHead = Pick<AdminGrantDoc, 'seq' | 'totalAfter'>;

async function head(adminId: string, day: string): Promise<GrantHead | null> {
  return AdminGrant.findOne({ adminId, day }, { seq: 1, totalAfter: 1 })
    .sort({ seq: -1 })
    .lean<GrantHead>();
}

/**
 * Books `credits` against the admin's grant cap for the UTC day, or throws
 * `admin_limit_exceeded`. Each grant inserts the next `<adminId>:<day>:<seq>`
 * with its running total: of concurrent grants exactly one takes each seq,
 * the others re-read the head and check the cap again, so the total can
 * never pass the cap (no count-then-insert race). The slot is claimed before
 * the ledger entry is written; a grant whose ledger write then fails still
 * counts, which errs on the safe side.
 */
export async function claimAdminGrant(input: {
  adminId: string;
  targetUserId: string;
  credits: number;
  /** The adjustment's ledger key, `admin:<uuid>`. */
  operationKey: string;
  now?: Date;
  cap?: number;
}): Promise<AdminGrantClaim> {
  const cap = input.cap ?? ADMIN_DAILY_GRANT_CAP;
  const day = utcDay(input.now ?? new Date());
  const mine = await AdminGrant.findOne({ operationKey: input.operationKey }).lean<AdminGrantDoc>();
  if (mine) return { totalAfter: mine.totalAfter, replayed: true };
  const readHead = async () => (await head(input.adminId, day)) ?? { seq: 0, totalAfter: 0 };
  return appendAtNextSeq<GrantHead, AdminGrantClaim>({
    readHead,
    maxAttempts: MAX_ATTEMPTS,
    exhausted: () =>
      new AppError('conflict', 'Too many grants at once; try again', { retryAfter: 1 }),
    tryAppend: async (last) => {
      const granted = last.totalAfter;
      if (granted + input.credits > cap) {
        throw new AppError(
          'admin_limit_exceeded',
          `You can grant at most ${cap} credits a day; ${granted} granted today, ${input.credits} more asked`,
          {
            details: {
              limit: 'daily_total',
              cap,
              granted_today: granted,
              requested: input.credits,
            },
          },
        );
      }
      const seq = last.seq + 1;
      const claimed = await insertOnce(AdminGrant, {
        _id: seqId(`${input.adminId}:${day}`, seq),
        adminId: input.adminId,
        day,
        seq,
        credits: input.credits,
        totalAfter: granted + input.credits,
        targetUserId: input.targetUserId,
        operationKey: input.operationKey,
      });
      if (claimed.status === 'inserted') {
        return { done: { totalAfter: granted + input.credits, replayed: false } };
      }
      // Either another grant took this seq (read the new head) or a twin of this
      // very request claimed the operation first (then it is a replay).
      const twin = await AdminGrant.findOne({
        operationKey: input.operationKey,
      }).lean<AdminGrantDoc>();
      if (twin) return { done: { totalAfter: twin.totalAfter, replayed: true } };
      return { taken: true, head: await readHead(), pause: false };
    },
  });
}
