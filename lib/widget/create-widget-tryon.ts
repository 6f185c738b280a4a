import { AppError } from '@/lib/errors';
import { resolveTryonProduct, type TryonProduct } from '@/lib/products/resolve-tryon-product';
import { consumeRateLimit } from '@/lib/rate-limit';
import { createTryonJob } from '@/lib/tryon/create-tryon-job';
import { hashTryonRequest, type TryonSubmission } from '@/lib/tryon/tryon-submission';
import type { TryonMode } from '@/models/tryon-job';
import type { TryonJobDoc } from '@/models/tryon-job';
import { randomUUID } from 'node:crypto';
import {
  capReachedError,
  releaseCap,
  reserveCap,
  utcDayPeriod,
  type CapScope,
  type ReserveCapResult,
} from '@/lib/caps';
import { CREDIT_COSTS } from '@/lib/credits/config';
import { noteWidgetEvent } from './note-widget-event';
import { verifyVisitorTokenOrThrow, type VisitorClaims } from './visitor-token';
import { widgetKeyByIdOrThrow, widgetUnavailable, type WidgetKey } from './widget-key';

export interface CreateWidgetTryonInput {
  /** The visitor token the dialog got from GET /embed/tryon. */
  token: string;
  sku: string;
  /** The shopper's photo as uploaded (downscaled in the browser; lib/images checks it again). */
  photo: Buffer;
  /** The client IP (per-IP widget rate limit). */
  ip: string;
}

/** A widget try-on's mode from the product's category; a bottom alone has none. */
function modeFor(product: TryonProduct): TryonMode {
  if (product.category === 'top') return 'top';
  if (product.category === 'one_piece') return 'one_piece';
  throw new AppError('product_inactive', 'This product cannot be tried on on its own', {
    details: { sku: product.sku, reason: 'category' },
  });
}

const quotaExceeded = ({ limit }: { limit: number }) =>
  new AppError(
    'widget_quota_exceeded',
    `You have used today's ${limit} try-ons for this shop. Come back tomorrow.`,
    { details: { limit }, retryAfter: secondsToUtcMidnight() },
  );

function secondsToUtcMidnight(now: Date = new Date()): number {
  return Math.max(1, Math.ceil((utcDayPeriod(now).resetsAt.getTime() - now.getTime()) / 1000));
}

interface Reservation {
  scope: CapScope;
  subject: string;
  periodKey: string;
  opKey: string;
}

/**
 * Reserves one try-on's share of a daily cap (lib/caps: race-safe, never
 * passes the limit); the reservation is returned so a try-on that is then
 * not created gives it back.
 */
async function reserveDaily(
  scope: CapScope,
  subject: string,
  limit: number,
  amount: number,
  opKey: string,
  refuse: (r: Extract<ReserveCapResult, { ok: false }>) => AppError,
): Promise<Reservation> {
  const period = utcDayPeriod();
  const result = await reserveCap({ scope, subject, period, limit, amount, opKey });
  if (!result.ok) throw refuse(result);
  return { scope, subject, periodKey: period.periodKey, opKey };
}

/** The codes a visitor's try-on is refused with (recorded as `refused` events). */
function refusalReason(err: unknown): string | null {
  return err instanceof AppError && err.status !== 500 && err.status !== 503 ? err.code : null;
}

/**
 * A storefront try-on: the visitor token (signed, unexpired, its key still
 * active and the origin still allowed), the organisation's active product
 * for the SKU (catalog's resolveTryonProduct), the per-IP widget rate limit,
 * the visitor's daily quota (slot claims: never more than the setting, under
 * any concurrency), then the same createTryonJob as every try-on — owner =
 * the organisation, its credits, `source.kind = 'widget'`. Every refusal is
 * recorded as a `refused` widget event with its code.
 */
export async function createWidgetTryon(input: CreateWidgetTryonInput): Promise<TryonJobDoc> {
  const claims: VisitorClaims = verifyVisitorTokenOrThrow(input.token);
  let key: WidgetKey;
  try {
    key = await widgetKeyByIdOrThrow(claims.keyId);
    if (key.orgId !== claims.orgId) throw widgetUnavailable('key');
    if (!key.allowedOrigins.includes(claims.origin)) throw widgetUnavailable('origin');
  } catch (err) {
    const reason = refusalReason(err);
    if (reason)
      await noteWidgetEvent({
        orgId: claims.orgId,
        keyId: claims.keyId,
        vid: claims.vid,
        type: 'refused',
        reason,
        sku: input.sku,
        origin: claims.origin,
      });
    throw err;
  }
  const event = { orgId: key.orgId, keyId: key.keyId, vid: claims.vid, origin: claims.origin };
  const reservations: Reservation[] = [];
  // One id for this request's reservations: a retry of the same request is a new try-on.
  const opKey = `widget:${randomUUID()}`;
  try {
    await consumeRateLimit('widget', `ip:${input.ip}`);
    const product = await resolveTryonProduct({
      orgId: key.orgId,
      sku: input.sku,
      requireActive: true,
    });
    const mode = modeFor(product);
    const cost = CREDIT_COSTS[mode];
    reservations.push(
      await reserveDaily(
        'visitor_daily',
        `${key.orgId}:${claims.vid}`,
        key.settings.visitorDailyTryons,
        1,
        opKey,
        quotaExceeded,
      ),
    );
    // The key's own daily credit cap (ApiKey.dailyCreditCap) is createTryonJob's, as for every key.
    if (key.settings.widgetDailyCreditCap !== null)
      reservations.push(
        await reserveDaily(
          'org_daily',
          key.orgId,
          key.settings.widgetDailyCreditCap,
          cost,
          opKey,
          capReachedError,
        ),
      );
    const images: TryonSubmission['images'] = {
      user: input.photo,
      top: { ref: 'asset', id: product.imageId },
    };
    const { job } = await createTryonJob({
      userId: key.orgId,
      source: {
        kind: 'widget',
        apiKeyId: key.keyId,
        visitorId: claims.vid,
        origin: claims.origin,
      },
      submission: { mode, images, requestHash: hashTryonRequest(mode, images) },
      // The job records the product and its SKU (per-product figures, webhooks, history).
      product: { id: product.id, sku: product.sku },
    });
    await noteWidgetEvent({ ...event, type: 'tryon_created', sku: product.sku, jobId: job._id });
    return job;
  } catch (err) {
    // Nothing was created: the visitor keeps the try-on, the caps their credits.
    for (const r of reservations) await releaseCap(r).catch(() => undefined);
    const reason = refusalReason(err);
    if (reason) await noteWidgetEvent({ ...event, type: 'refused', reason, sku: input.sku });
    throw err;
  }
}
