import { Types } from 'mongoose';
import { hashApiKey } from '@/lib/apikeys/hash-api-key';
import { AppError } from '@/lib/errors';
import { ApiKey, type ApiKeyDoc } from '@/models/api-key';
import { Organization, ORG_SETTINGS_DEFAULTS, type OrganizationDoc } from '@/models/organization';

export const PUBLISHABLE_KEY_PATTERN = /^pk_live_[0-9A-Za-z]{32}$/;

/** What the widget needs of a publishable key and its organisation. */
export interface WidgetKey {
  keyId: string;
  orgId: string;
  orgName: string;
  allowedOrigins: string[];
  /** Credits the key may spend per UTC day (unset: no cap). */
  dailyCreditCap: number | null;
  settings: {
    widgetRetentionHours: number;
    visitorDailyTryons: number;
    widgetDailyCreditCap: number | null;
  };
}

/** One message for every kind of bad key: a public page must not tell which part was wrong. */
export const widgetUnavailable = (reason = 'key') =>
  new AppError('widget_unavailable', 'Try-on is unavailable right now', { details: { reason } });

async function toWidgetKey(doc: ApiKeyDoc | null): Promise<WidgetKey> {
  if (!doc || doc.kind !== 'publishable' || doc.revokedAt) throw widgetUnavailable('key');
  const org = await Organization.findById(doc.userId).lean<OrganizationDoc>();
  if (!org || org.status !== 'active') throw widgetUnavailable('organization');
  const settings = org.settings;
  return {
    keyId: doc._id.toString(),
    orgId: org._id.toString(),
    orgName: org.name,
    allowedOrigins: doc.allowedOrigins ?? [],
    dailyCreditCap: doc.dailyCreditCap ?? null,
    settings: {
      widgetRetentionHours:
        settings?.widgetRetentionHours ?? ORG_SETTINGS_DEFAULTS.widgetRetentionHours,
      visitorDailyTryons: settings?.visitorDailyTryons ?? ORG_SETTINGS_DEFAULTS.visitorDailyTryons,
      widgetDailyCreditCap: settings?.widgetDailyCreditCap ?? null,
    },
  };
}

/**
 * A `pk_live_` key as the shop's page gives it: active, publishable, of an
 * active organisation. Anything else is 403 `widget_unavailable`.
 */
export async function resolveWidgetKeyOrThrow(key: string | null | undefined): Promise<WidgetKey> {
  if (!key || !PUBLISHABLE_KEY_PATTERN.test(key)) throw widgetUnavailable('key');
  return toWidgetKey(await ApiKey.findOne({ keyHash: hashApiKey(key) }).lean<ApiKeyDoc>());
}

/** The same, by the key's id from a visitor token: a key revoked since then stops at once. */
export async function widgetKeyByIdOrThrow(keyId: string): Promise<WidgetKey> {
  if (!Types.ObjectId.isValid(keyId)) throw widgetUnavailable('key');
  return toWidgetKey(await ApiKey.findById(keyId).lean<ApiKeyDoc>());
}
