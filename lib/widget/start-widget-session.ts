import { AppError } from '@/lib/errors';
import { noteWidgetEvent } from './note-widget-event';
import { originOf } from './origins';
import { signVisitorToken, visitorIdSchema, VISITOR_TOKEN_TTL_SECONDS } from './visitor-token';
import { resolveWidgetKeyOrThrow } from './widget-key';
import {
  findActiveProduct,
  listFamilyVariants,
  toWidgetProductView,
  type WidgetProductView,
} from './widget-product';

export interface WidgetSessionRequest {
  key: string | undefined;
  sku: string | undefined;
  vid: string | undefined;
  /** The `Referer` of the iframe request: the shop page that framed the dialog. */
  referer: string | null;
}

export type WidgetSession =
  | {
      ok: true;
      token: string;
      expiresAt: string;
      /** The shop origin the dialog talks to (postMessage target). */
      parentOrigin: string;
      orgName: string;
      retentionHours: number;
      product: WidgetProductView;
      variants: WidgetProductView[];
    }
  | {
      ok: false;
      /** Why, for logs and the refusals view; the visitor sees one message. */
      reason: 'key' | 'organization' | 'origin' | 'product' | 'visitor';
      /** The allowed origins when the key was valid (the refusal page may still answer its opener). */
      allowedOrigins: string[];
    };

/**
 * The dialog's server side (GET /embed/tryon?key&sku&vid): the key must be an
 * active publishable key of an active organisation, the framing page one of
 * its allowed origins (the browser enforces `frame-ancestors` too; this
 * picks the postMessage target), the SKU an active product of that
 * organisation. Then a signed visitor token for the widget API. A refusal is
 * recorded (`refused` with its reason) when the key is known.
 */
export async function startWidgetSession(req: WidgetSessionRequest): Promise<WidgetSession> {
  let key;
  try {
    key = await resolveWidgetKeyOrThrow(req.key);
  } catch (err) {
    if (err instanceof AppError && err.code === 'widget_unavailable') {
      const reason = (err.details as { reason?: string } | undefined)?.reason;
      return {
        ok: false,
        reason: reason === 'organization' ? 'organization' : 'key',
        allowedOrigins: [],
      };
    }
    throw err;
  }
  const vid = visitorIdSchema.safeParse(req.vid);
  const refererOrigin = originOf(req.referer);
  // The framing page's origin when the browser sent it; with a strict referrer policy
  // and one allowed origin, that one (frame-ancestors already limits the parent to it).
  const parentOrigin =
    refererOrigin && key.allowedOrigins.includes(refererOrigin)
      ? refererOrigin
      : !refererOrigin && key.allowedOrigins.length === 1
        ? key.allowedOrigins[0]!
        : null;
  const refuse = async (reason: 'origin' | 'product' | 'visitor') => {
    await noteWidgetEvent({
      orgId: key.orgId,
      keyId: key.keyId,
      vid: vid.success ? vid.data : 'unknown',
      type: 'refused',
      reason: `widget_${reason}_refused`,
      ...(req.sku ? { sku: req.sku } : {}),
      ...(refererOrigin ? { origin: refererOrigin } : {}),
    });
    return { ok: false as const, reason, allowedOrigins: key.allowedOrigins };
  };
  if (!parentOrigin) return refuse('origin');
  if (!vid.success) return refuse('visitor');
  const product = req.sku ? await findActiveProduct(key.orgId, req.sku) : null;
  if (!product) return refuse('product');
  const variants = await listFamilyVariants(product);
  const { token, expiresAt } = signVisitorToken({
    keyId: key.keyId,
    orgId: key.orgId,
    vid: vid.data,
    origin: parentOrigin,
  });
  await noteWidgetEvent({
    orgId: key.orgId,
    keyId: key.keyId,
    vid: vid.data,
    type: 'open',
    sku: product.sku,
    origin: parentOrigin,
  });
  return {
    ok: true,
    token,
    expiresAt: expiresAt.toISOString(),
    parentOrigin,
    orgName: key.orgName,
    retentionHours: key.settings.widgetRetentionHours,
    product: toWidgetProductView(product, VISITOR_TOKEN_TTL_SECONDS),
    variants: variants.map((v) => toWidgetProductView(v, VISITOR_TOKEN_TTL_SECONDS)),
  };
}
