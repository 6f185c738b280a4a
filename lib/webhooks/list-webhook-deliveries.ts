import { listEnvelope, pageOffset } from '@/lib/api/list';
import { decodeCursors, encodeCursor, keysetPage, keysetQuery } from '@/lib/db/keyset';
import { WebhookDelivery, type WebhookDeliveryDoc } from '@/models/webhook-delivery';
import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import type {
  ListDeliveriesQuery,
  WebhookDeliveryCursorPage,
  WebhookDeliveryPage,
} from './schemas';
import { serializeDelivery } from './serialize';

type DeliveryRow = WebhookDeliveryDoc & { createdAt: Date };
const position = (d: DeliveryRow) => ({ value: d.createdAt, id: d._id.toString() });

/**
 * One endpoint's delivery log, newest first (createdAt, then _id). A page by
 * number carries page/total and the `next_cursor` of its last row; with
 * `starting_after`/`ending_before` a keyset page reads `limit + 1` rows from
 * the `(endpointId, createdAt)` index (400 `invalid_cursor` for a cursor
 * this list did not issue). The endpoint is read by `_id` and its owner
 * checked first (404 for anyone else's).
 */
export async function listWebhookDeliveries(
  userId: string,
  endpointId: string,
  query: ListDeliveriesQuery,
): Promise<WebhookDeliveryPage | WebhookDeliveryCursorPage> {
  const cursors = decodeCursors('deliveries', query);
  const endpoint = await getWebhookEndpointOrThrow(userId, endpointId);
  const filter = { endpointId: endpoint._id, ...(query.status ? { status: query.status } : {}) };
  if (cursors.startingAfter || cursors.endingBefore) {
    const k = keysetQuery('createdAt', cursors);
    const rows = await WebhookDelivery.find({ ...filter, ...k.filter })
      .sort(k.sort)
      .limit(query.limit + 1)
      .lean<DeliveryRow[]>();
    const page = keysetPage(rows, query.limit, k.reversed, position, 'deliveries');
    return listEnvelope(page.rows.map(serializeDelivery), {
      limit: query.limit,
      hasMore: page.hasMore,
      nextCursor: page.nextCursor,
    }) as WebhookDeliveryCursorPage;
  }
  const [docs, total] = await Promise.all([
    WebhookDelivery.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip(pageOffset(query))
      .limit(query.limit)
      .lean<DeliveryRow[]>(),
    WebhookDelivery.countDocuments(filter),
  ]);
  const last = docs.at(-1);
  return listEnvelope(docs.map(serializeDelivery), {
    page: query.page,
    limit: query.limit,
    total,
    nextCursor: last ? encodeCursor('deliveries', position(last)) : null,
  }) as WebhookDeliveryPage;
}
