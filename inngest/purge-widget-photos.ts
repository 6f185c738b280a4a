import { purgeWidgetPhotos, WIDGET_PURGE_INTERVAL_MS } from '@/lib/widget/purge-widget-photos';
import { defineFunction } from './define';

/**
 * Every 15 minutes: storefront widget photos and results past their
 * organisation's retention (default 24 hours) are deleted. The daily
 * purge-expired-images keeps the 30-day rule for everything else.
 */
export const purgeWidgetPhotosFn = defineFunction<
  Record<string, unknown>,
  { jobs: number; images: number }
>({
  id: 'purge-widget-photos',
  trigger: { cron: '*/15 * * * *' },
  retries: 2,
  inlineIntervalMs: WIDGET_PURGE_INTERVAL_MS,
  handler: async ({ step }) => step.run('purge-widget-photos', () => purgeWidgetPhotos()),
});
