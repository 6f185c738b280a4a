import { Types } from 'mongoose';
import { Membership, Organization, membershipId, type OrganizationDoc } from '@/models';
import { AppError, isDuplicateKeyError } from '@/lib/errors';
import { serializeOrganization, type OrganizationView } from './serialize';
import { ORG_SLUG_PATTERN } from './schemas';

/** A slug from a name: lowercase ASCII words joined by hyphens ("Demo Shop!" → "demo-shop"). */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return ORG_SLUG_PATTERN.test(slug) ? slug : `org-${new Types.ObjectId().toString().slice(-8)}`;
}

const slugTaken = (slug: string) =>
  new AppError('slug_taken', `The address “${slug}” is taken; choose another`, {
    details: { field: 'slug', slug },
  });

/**
 * Creates an organisation with its creator as owner. The slug is unique (a
 * unique index, so two creates racing for one slug: one wins, the other gets
 * 409 slug_taken). The owner membership is written right after; if that
 * fails, the organisation is removed again (nothing half-made stays).
 */
export async function createOrganization(input: {
  userId: string;
  name: string;
  slug?: string;
}): Promise<OrganizationView> {
  const slug = input.slug ?? slugFromName(input.name);
  if (!ORG_SLUG_PATTERN.test(slug))
    throw new AppError(
      'validation_error',
      'The address must be 2–48 lowercase letters, digits or hyphens',
      {
        details: { field: 'slug' },
      },
    );
  let org: OrganizationDoc & { createdAt?: Date };
  try {
    const created = await Organization.create({
      name: input.name,
      slug,
      createdBy: input.userId,
      status: 'active',
    });
    org = created.toObject() as OrganizationDoc & { createdAt?: Date };
  } catch (err) {
    if (isDuplicateKeyError(err)) throw slugTaken(slug);
    throw err;
  }
  const orgId = org._id.toString();
  try {
    await Membership.create({
      _id: membershipId(orgId, input.userId),
      orgId,
      userId: input.userId,
      role: 'owner',
    });
  } catch (err) {
    await Organization.deleteOne({ _id: org._id }).catch(() => {});
    throw err;
  }
  return serializeOrganization(org, 'owner');
}
