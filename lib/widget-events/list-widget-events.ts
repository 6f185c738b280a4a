import { Types } from 'mongoose';
import { WidgetEvent, type WidgetEventDoc, type WidgetEventType } from '@/models/widget-event';
import { keysetPage, keysetQuery, type KeysetPosition } from '@/lib/db/keyset';

export interface ListWidgetEventsInput {
  orgId: string;
  type?: WidgetEventType;
  from?: Date;
  to?: Date;
  limit: number;
  startingAfter?: KeysetPosition;
  endingBefore?: KeysetPosition;
}

export interface WidgetEventPage {
  rows: WidgetEventDoc[];
  hasMore: boolean;
  nextCursor: string | null;
}

/**
 * An organisation's widget events, newest first, by keyset cursor on `{ orgId, createdAt }`
 * (the dashboard's activity and refusals views: `type: 'refused'`). The type filter is not
 * indexed: it narrows the organisation's own events.
 */
export async function listWidgetEvents(input: ListWidgetEventsInput): Promise<WidgetEventPage> {
  const q = keysetQuery('createdAt', {
    ...(input.startingAfter ? { startingAfter: input.startingAfter } : {}),
    ...(input.endingBefore ? { endingBefore: input.endingBefore } : {}),
  });
  const createdAt = {
    ...(input.from ? { $gte: input.from } : {}),
    ...(input.to ? { $lte: input.to } : {}),
  };
  const filter = {
    orgId: new Types.ObjectId(input.orgId),
    ...(input.type ? { type: input.type } : {}),
    ...(input.from || input.to ? { createdAt } : {}),
    ...q.filter,
  };
  const rows = await WidgetEvent.find(filter)
    .sort(q.sort)
    .limit(input.limit + 1)
    .lean<WidgetEventDoc[]>();
  return keysetPage(
    rows,
    input.limit,
    q.reversed,
    (r) => ({ value: r.createdAt, id: r._id.toString() }),
    'widget_events',
  );
}
