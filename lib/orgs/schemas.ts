import { z } from 'zod';
import { ORG_ROLES, ORG_STATUSES } from '@/models/enums';

export { ORG_ROLES, ORG_STATUSES };

const objectId = (what: string) => z.string().regex(/^[0-9a-f]{24}$/i, `must be ${what}`);

export const orgIdParam = z.object({ id: objectId('an organisation id') });
export const orgMemberParams = z.object({
  id: objectId('an organisation id'),
  userId: objectId('a user id'),
});
export const orgInviteParams = z.object({
  id: objectId('an organisation id'),
  inviteId: objectId('an invitation id'),
});

/** Lowercase letters, digits and single hyphens, 2–48 characters. */
export const ORG_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,47}$/;

export const createOrgBody = z.object({
  name: z.string().trim().min(2, 'at least 2 characters').max(100),
  /** Derived from the name when absent. */
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(ORG_SLUG_PATTERN, 'lowercase letters, digits and hyphens (2–48)')
    .optional(),
});
export type CreateOrgBody = z.infer<typeof createOrgBody>;

export const orgSettingsBody = z
  .object({
    widget_retention_hours: z.number().int().min(1).max(720),
    /** null removes the cap. */
    widget_daily_credit_cap: z.number().int().min(0).max(10_000_000).nullable(),
    visitor_daily_tryons: z.number().int().min(0).max(1000),
  })
  .partial();

export const updateOrgBody = z
  .object({
    name: z.string().trim().min(2, 'at least 2 characters').max(100).optional(),
    settings: orgSettingsBody.optional(),
  })
  .strict();
export type UpdateOrgBody = z.infer<typeof updateOrgBody>;

export const createInviteBody = z.object({
  role: z.enum(ORG_ROLES).default('member'),
  /** Only this person (signed in with this address) may accept. */
  email: z.string().trim().toLowerCase().email().max(320).optional(),
});
export type CreateInviteBody = z.infer<typeof createInviteBody>;

export const changeMemberRoleBody = z.object({ role: z.enum(ORG_ROLES) });

export const acceptInviteBody = z.object({ token: z.string().trim().min(20).max(200) });

export const accountContextBody = z.object({ org_id: objectId('an organisation id').nullable() });

export const adminOrganizationsQuery = z.object({
  /** Part of the name or slug (case-insensitive), or an exact organisation id. */
  q: z.string().trim().max(200).optional(),
  status: z.enum(ORG_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AdminOrganizationsQuery = z.infer<typeof adminOrganizationsQuery>;

export const adminSuspendOrgBody = z.object({
  reason: z.string().trim().min(3, 'give a reason (at least 3 characters)').max(500),
});
