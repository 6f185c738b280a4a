import { Types } from 'mongoose';
import { isProduction } from '@/lib/env';
import { AppError, notFound } from '@/lib/errors';
import { allowedOriginsSchema } from '@/lib/widget/origins';
import { ApiKey, type ApiKeyDoc } from '@/models/api-key';
import type { OrgRole } from '@/models/enums';
import { createApiKey, serializeApiKey } from './manage-api-keys';
import type { ApiKeyView } from './schemas';

/** Who manages an organisation's publishable keys: what lib/auth's Caller carries. */
export interface PublishableKeyActor {
  userId: string;
  account: { type: 'user' } | { type: 'organization'; orgId: string; role: OrgRole };
}

const MANAGER_ROLES: readonly OrgRole[] = ['owner', 'admin'];

/** The organisation whose publishable keys the caller may manage; 403 otherwise. */
function managedOrgOrThrow(actor: PublishableKeyActor): string {
  if (actor.account.type !== 'organization')
    throw new AppError(
      'organization_required',
      'Publishable keys belong to organisations: switch to an organisation first',
    );
  if (!MANAGER_ROLES.includes(actor.account.role))
    throw new AppError(
      'organization_role_forbidden',
      'Only the organisation’s owners and admins can manage its keys',
    );
  return actor.account.orgId;
}

/** The allow-list as given (400 `validation_error` naming the bad entry): exact origins, https in production. */
export function parseAllowedOrigins(origins: unknown): string[] {
  const parsed = allowedOriginsSchema({ production: isProduction }).safeParse(origins);
  if (!parsed.success) {
    throw new AppError('validation_error', parsed.error.issues[0]?.message ?? 'invalid origins', {
      details: parsed.error.issues.map((i) => ({
        path: ['allowed_origins', ...i.path].join('.'),
        message: i.message,
      })),
    });
  }
  return parsed.data;
}

/** A `pk_live_` key for the caller's organisation, usable from `origins` only; shown once. */
export async function createPublishableKey(
  actor: PublishableKeyActor,
  name: string,
  origins: unknown,
): Promise<ApiKeyView & { key: string }> {
  const orgId = managedOrgOrThrow(actor);
  const allowedOrigins = parseAllowedOrigins(origins);
  return createApiKey(orgId, name, {
    kind: 'publishable',
    createdBy: actor.userId,
    extra: { allowedOrigins },
  });
}

/** Replaces a publishable key's allowed origins; applies within the frame-policy cache (30 s). */
export async function setAllowedOrigins(
  actor: PublishableKeyActor,
  keyId: string,
  origins: unknown,
): Promise<ApiKeyView> {
  const orgId = managedOrgOrThrow(actor);
  if (!Types.ObjectId.isValid(keyId)) throw notFound('API key');
  const doc = await ApiKey.findById(keyId).lean<ApiKeyDoc & { createdAt: Date }>();
  if (!doc || doc.userId.toString() !== orgId) throw notFound('API key');
  if (doc.kind !== 'publishable')
    throw new AppError('validation_error', 'allowed_origins: only publishable keys have origins');
  if (doc.revokedAt) throw new AppError('invalid_state', 'This key is revoked');
  const allowedOrigins = parseAllowedOrigins(origins);
  await ApiKey.updateOne({ _id: doc._id }, { $set: { allowedOrigins } });
  return serializeApiKey({ ...doc, allowedOrigins });
}
