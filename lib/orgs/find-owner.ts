import { Types } from 'mongoose';
import { Organization, User, type OrganizationDoc, type UserDoc } from '@/models';
import type { OwnerType } from '@/models/enums';

/**
 * Owned records keep a `userId` field holding the OWNER id: a person's or an
 * organisation's `_id` (ObjectIds never collide). These helpers say which,
 * with `_id` reads only. The kind of an id never changes, so it is cached.
 */
const kinds = new Map<string, OwnerType>();
const KINDS_MAX = 20_000;

function remember(id: string, kind: OwnerType): void {
  if (kinds.size >= KINDS_MAX) kinds.clear();
  kinds.set(id, kind);
}

/** The kind this process has seen for an id (no read). */
export function knownOwnerType(id: string): OwnerType | undefined {
  return kinds.get(id);
}

/** Records an id's kind (a caller that read the document itself). */
export function rememberOwnerType(id: string, kind: OwnerType): void {
  remember(id, kind);
}

export type Owner =
  | { type: 'user'; id: string; user: UserDoc }
  | { type: 'organization'; id: string; org: OrganizationDoc };

/** The owner document (person or organisation), or null when neither exists. */
export async function findOwner(ownerId: string | Types.ObjectId): Promise<Owner | null> {
  const id = ownerId.toString();
  if (!Types.ObjectId.isValid(id)) return null;
  const known = kinds.get(id);
  if (known !== 'organization') {
    const user = await User.findById(id).lean<UserDoc>();
    if (user) {
      remember(id, 'user');
      return { type: 'user', id, user };
    }
  }
  const org = await Organization.findById(id).lean<OrganizationDoc>();
  if (org) {
    remember(id, 'organization');
    return { type: 'organization', id, org };
  }
  return null;
}

/** 'user' or 'organization' for an existing owner id, null for an unknown one. */
export async function ownerTypeOf(ownerId: string | Types.ObjectId): Promise<OwnerType | null> {
  const id = ownerId.toString();
  const known = kinds.get(id);
  if (known) return known;
  if (!Types.ObjectId.isValid(id)) return null;
  if (await User.exists({ _id: id })) {
    remember(id, 'user');
    return 'user';
  }
  if (await Organization.exists({ _id: id })) {
    remember(id, 'organization');
    return 'organization';
  }
  return null;
}

/** Display facts about an owner (name/email for a person; name/slug for an organisation). */
export async function describeOwner(
  ownerId: string | Types.ObjectId,
): Promise<{ type: OwnerType; id: string; name: string; email?: string; slug?: string } | null> {
  const owner = await findOwner(ownerId);
  if (!owner) return null;
  if (owner.type === 'user')
    return {
      type: 'user',
      id: owner.id,
      name: owner.user.name ?? owner.user.email,
      email: owner.user.email,
    };
  return { type: 'organization', id: owner.id, name: owner.org.name, slug: owner.org.slug };
}
