import type { DefinedFunction } from './define';
import { tryonGenerate } from './tryon-generate';
import { sweepStuckJobs } from './sweep-stuck-jobs';
import { purgeExpiredImages } from './purge-expired-images';
import { finishAccountDeletions } from './finish-account-deletions';
import { rollupDailyStatsFn } from './rollup-daily-stats';
import { webhooksFanOut } from './webhooks-fan-out';
import { webhooksDeliver } from './webhooks-deliver';
import { webhooksRetryDue } from './webhooks-retry-due';
import { purgeWidgetPhotosFn } from './purge-widget-photos';

/**
 * Every durable function, served at /api/inngest and run by the inline shim.
 * Add one import per file in inngest/.
 */
export const functions: readonly DefinedFunction<never, unknown>[] = [
  tryonGenerate,
  sweepStuckJobs,
  purgeExpiredImages,
  finishAccountDeletions,
  rollupDailyStatsFn,
  webhooksFanOut,
  webhooksDeliver,
  webhooksRetryDue,
  purgeWidgetPhotosFn,
] as const;
