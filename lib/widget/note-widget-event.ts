import { logger } from '@/lib/log';
import { recordWidgetEvent, type WidgetEventInput } from '@/lib/widget-events/record-widget-event';

/**
 * Records a widget event without ever failing the visitor's request: events
 * are statistics (the merchant dashboard, the refusals view), the try-on is not.
 */
export async function noteWidgetEvent(input: WidgetEventInput): Promise<void> {
  try {
    await recordWidgetEvent(input);
  } catch (err) {
    logger.warn(
      { type: input.type, err: err instanceof Error ? err.message : String(err) },
      'could not record widget event',
    );
  }
}
