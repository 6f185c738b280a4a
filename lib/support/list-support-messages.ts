import { SupportMessage, type SupportMessageDoc } from '@/models/support-message';
import type { SupportMessageStatus } from './schemas';

export interface SupportMessagePage {
  data: SupportMessageDoc[];
  page: number;
  limit: number;
  total: number;
}

/** Support messages for the admins, newest first, optionally only open or handled ones. */
export async function listSupportMessages(input: {
  status?: SupportMessageStatus;
  page: number;
  limit: number;
}): Promise<SupportMessagePage> {
  const filter = input.status ? { status: input.status } : {};
  const [data, total] = await Promise.all([
    SupportMessage.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((input.page - 1) * input.limit)
      .limit(input.limit)
      .lean<SupportMessageDoc[]>(),
    SupportMessage.countDocuments(filter),
  ]);
  return { data, page: input.page, limit: input.limit, total };
}
