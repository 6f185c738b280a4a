import { Types } from 'mongoose';
import { WidgetEvent, type WidgetEventType } from '@/models/widget-event';
import { WIDGET_EVENT_TYPES } from './schemas';

export interface SkuConversion {
  sku: string;
  /** Visitors who completed a try-on of this SKU. */
  tryonSessions: number;
  /** Of those, visitors who then added this SKU to the cart (in the same session). */
  addedToCart: number;
}

export interface WidgetEventSummary {
  /** Events per type in the period. */
  counts: Record<WidgetEventType, number>;
  /** Refusals per reason (error code), most frequent first. */
  refusals: Array<{ reason: string; count: number }>;
  /**
   * The conversion signal: visitor sessions (embed.js `vid`, one per tab session) with at
   * least one completed try-on, split by whether the same session added something to the
   * cart; and add-to-cart sessions that never tried anything on, for comparison.
   */
  conversion: {
    tryonSessions: number;
    tryonSessionsWithCart: number;
    tryonSessionsWithoutCart: number;
    cartSessionsWithoutTryon: number;
  };
  /** Per SKU, most tried first. */
  bySku: SkuConversion[];
}

interface GroupRow<I> {
  _id: I;
  n: number;
}

/**
 * The widget figures of one organisation over `[from, to]`, for the merchant dashboard.
 * FerretDB-safe: `$match` on the `{ orgId, createdAt }` index and `$group` with a single
 * accumulator, sessions joined in memory (one row per visitor, type and SKU).
 */
export async function summarizeWidgetEvents(input: {
  orgId: string;
  from: Date;
  to: Date;
}): Promise<WidgetEventSummary> {
  const orgId = new Types.ObjectId(input.orgId);
  const createdAt = { $gte: input.from, $lte: input.to };
  const [byType, byReason, sessions] = await Promise.all([
    WidgetEvent.aggregate<GroupRow<string>>([
      { $match: { orgId, createdAt } },
      { $group: { _id: '$type', n: { $sum: 1 } } },
    ]),
    WidgetEvent.aggregate<GroupRow<string | null>>([
      { $match: { orgId, createdAt, type: 'refused' } },
      { $group: { _id: '$reason', n: { $sum: 1 } } },
    ]),
    WidgetEvent.aggregate<GroupRow<{ vid: string; type: string; sku?: string | null }>>([
      { $match: { orgId, createdAt, type: { $in: ['tryon_completed', 'add_to_cart'] } } },
      { $group: { _id: { vid: '$vid', type: '$type', sku: '$sku' }, n: { $sum: 1 } } },
    ]),
  ]);

  const counts = Object.fromEntries(WIDGET_EVENT_TYPES.map((t) => [t, 0])) as Record<
    WidgetEventType,
    number
  >;
  for (const r of byType)
    if ((WIDGET_EVENT_TYPES as readonly string[]).includes(r._id))
      counts[r._id as WidgetEventType] = r.n;

  const refusals = byReason
    .map((r) => ({ reason: r._id ?? 'unknown', count: r.n }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));

  const tried = new Map<string, Set<string>>(); // vid → SKUs tried on
  const carted = new Map<string, Set<string>>(); // vid → SKUs added to the cart
  for (const { _id } of sessions) {
    const target = _id.type === 'tryon_completed' ? tried : carted;
    const skus = target.get(_id.vid) ?? new Set<string>();
    if (_id.sku) skus.add(_id.sku);
    target.set(_id.vid, skus);
  }

  let withCart = 0;
  const skuRows = new Map<string, SkuConversion>();
  for (const [vid, skus] of tried) {
    const cart = carted.get(vid);
    if (cart) withCart += 1;
    for (const sku of skus) {
      const row = skuRows.get(sku) ?? { sku, tryonSessions: 0, addedToCart: 0 };
      row.tryonSessions += 1;
      if (cart?.has(sku)) row.addedToCart += 1;
      skuRows.set(sku, row);
    }
  }
  let cartOnly = 0;
  for (const vid of carted.keys()) if (!tried.has(vid)) cartOnly += 1;

  return {
    counts,
    refusals,
    conversion: {
      tryonSessions: tried.size,
      tryonSessionsWithCart: withCart,
      tryonSessionsWithoutCart: tried.size - withCart,
      cartSessionsWithoutTryon: cartOnly,
    },
    bySku: [...skuRows.values()].sort(
      (a, b) => b.tryonSessions - a.tryonSessions || a.sku.localeCompare(b.sku),
    ),
  };
}
