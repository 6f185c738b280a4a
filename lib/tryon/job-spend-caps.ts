import { ApiKey, TryonJob, type TryonJobDoc } from '@/models';
import {
  accountMonthlyCap,
  capReachedError,
  releaseCap,
  reserveCap,
  utcDayPeriod,
  utcMonthPeriod,
  type CapChain,
} from '@/lib/caps';

/** The cap operation of a job: one reservation per cap chain, `tryon:<jobId>`. */
export const capOpKey = (jobId: string) => `tryon:${jobId}`;

type Wanted = CapChain & { limit: number };

/** The caps a job's spend counts toward: its key's daily cap, and (live jobs) the account's monthly cap. */
async function capsFor(job: TryonJobDoc, now: Date): Promise<Wanted[]> {
  const wanted: Wanted[] = [];
  const apiKeyId = job.source?.apiKeyId?.toString();
  if (apiKeyId) {
    const key = await ApiKey.findById(apiKeyId, { dailyCreditCap: 1 }).lean<{
      dailyCreditCap?: number | null;
    }>();
    // A test key's cap counts its would-be credits, so a cap can be tried out without spending.
    if (key?.dailyCreditCap)
      wanted.push({
        scope: 'key_daily',
        subject: apiKeyId,
        period: utcDayPeriod(now),
        limit: key.dailyCreditCap,
      });
  }
  if (job.livemode !== false) {
    const ownerId = job.userId.toString();
    const monthly = await accountMonthlyCap(ownerId);
    if (monthly)
      wanted.push({
        scope: 'account_monthly',
        subject: ownerId,
        period: utcMonthPeriod(now),
        limit: monthly,
      });
  }
  return wanted;
}

/**
 * Reserves the job's cost against every cap it counts toward, before the
 * spend. A refusal gives back the caps already reserved and throws 402
 * `spend_cap_reached` (`details: { scope, cap, used, resets_at }`). The
 * reservations are recorded on the job so a refund can return them. A repeat
 * for the same job (an Idempotency-Key replay) reserves nothing twice.
 */
export async function reserveJobSpendCaps(job: TryonJobDoc, now = new Date()): Promise<void> {
  if (job.creditsUsed <= 0) return;
  const wanted = await capsFor(job, now);
  if (!wanted.length) return;
  const opKey = capOpKey(job._id.toString());
  const reserved: Wanted[] = [];
  for (const cap of wanted) {
    const result = await reserveCap({ ...cap, amount: job.creditsUsed, opKey });
    if (!result.ok) {
      for (const r of reserved)
        await releaseCap({
          scope: r.scope,
          subject: r.subject,
          periodKey: r.period.periodKey,
          opKey,
        });
      throw capReachedError(result);
    }
    reserved.push(cap);
  }
  await TryonJob.updateOne(
    { _id: job._id },
    {
      $set: {
        capReservations: reserved.map((r) => ({
          scope: r.scope,
          subject: r.subject,
          periodKey: r.period.periodKey,
        })),
      },
    },
  );
}

/**
 * Gives back the job's cap reservations (a failed or canceled job), once. With
 * `sample`, only that sample's share (a several-sample job whose one result failed).
 */
export async function releaseJobSpendCaps(jobId: string, sample?: { n: number }): Promise<void> {
  const job = await TryonJob.findById(jobId, {
    capReservations: 1,
    creditsUsed: 1,
    samples: 1,
  }).lean<Pick<TryonJobDoc, 'capReservations' | 'creditsUsed' | 'samples'>>();
  const reservations = job?.capReservations ?? [];
  if (!job || !reservations.length) return;
  const opKey = capOpKey(jobId);
  const samples = job.samples ?? 1;
  for (const r of reservations) {
    await releaseCap({
      scope: r.scope as CapChain['scope'],
      subject: r.subject,
      periodKey: r.periodKey,
      opKey,
      ...(sample
        ? {
            amount: Math.floor(job.creditsUsed / samples),
            releaseKey: `release:${opKey}:${sample.n}`,
          }
        : {}),
    });
  }
}
