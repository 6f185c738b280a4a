import { Types } from 'mongoose';
import { Organization, User } from '@/models';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** At most this many people match one admin "user" filter; a broader fragment is refused by being narrowed. */
export const USER_FILTER_LIMIT = 200;

/**
 * Admin list filters ("jobs of ana@…", "payments of <id>"): a user id, or a
 * fragment of an email address (case-insensitive). Returns the matching ids
 * to filter another collection by (no `$lookup`: DESIGN.md keeps aggregations
 * portable to FerretDB).
 */
export async function findUserIdsForFilter(q: string): Promise<Types.ObjectId[]> {
  const term = q.trim();
  if (/^[0-9a-f]{24}$/i.test(term)) return [new Types.ObjectId(term)];
  const users = await User.find({ email: new RegExp(escapeRegex(term), 'i') }, { _id: 1 })
    .limit(USER_FILTER_LIMIT)
    .lean();
  return users.map((u) => u._id);
}

/**
 * id → email for the rows of an admin list (one query for the page). Owner
 * ids may be organisations': those read "<name> (organisation)".
 */
export async function emailsByUserId(
  ids: Array<Types.ObjectId | string>,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids.map(String))].filter((id) => Types.ObjectId.isValid(id));
  if (unique.length === 0) return new Map();
  const users = await User.find({ _id: { $in: unique } }, { email: 1 }).lean();
  const out = new Map(users.map((u) => [u._id.toString(), u.email]));
  const rest = unique.filter((id) => !out.has(id));
  if (rest.length > 0) {
    const orgs = await Organization.find({ _id: { $in: rest } }, { name: 1 }).lean();
    for (const o of orgs) out.set(o._id.toString(), `${o.name} (organisation)`);
  }
  return out;
}
