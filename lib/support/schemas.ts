import { z } from 'zod';
import {
  SUPPORT_MESSAGE_STATUSES,
  SUPPORT_TOPICS,
  type SupportMessageStatus,
  type SupportTopic,
} from '@/models/enums-support';

/**
 * The support form's request and the admin list's shapes. Browser-safe (zod
 * and constants only): the /support form validates with the same schema as
 * POST /api/support.
 */
export { SUPPORT_MESSAGE_STATUSES, SUPPORT_TOPICS, type SupportMessageStatus, type SupportTopic };

export const SUPPORT_TOPIC_LABELS: Record<SupportTopic, string> = {
  account: 'My account or sign-in',
  billing: 'Credits, payments or refunds',
  tryon: 'A try-on result',
  privacy: 'My photos and data (privacy)',
  api: 'The API, keys or webhooks',
  other: 'Something else',
};

export const SUPPORT_MESSAGE_MAX = 5000;

export const supportMessageBody = z.object({
  /** Ignored when signed in: the answer goes to the account's address. */
  email: z.email('enter an email address we can answer').max(320).optional().or(z.literal('')),
  name: z.string().trim().max(100).optional(),
  topic: z.enum(SUPPORT_TOPICS, 'choose what it is about'),
  message: z
    .string()
    .trim()
    .min(10, 'tell us a little more (at least 10 characters)')
    .max(SUPPORT_MESSAGE_MAX, `keep it under ${SUPPORT_MESSAGE_MAX} characters`),
  /**
   * The honeypot: a field people never see (hidden from sight and from
   * screen readers) that form-filling bots fill in. A filled one is accepted
   * and dropped.
   */
  website: z.string().max(500).optional(),
});
export type SupportMessageInput = z.infer<typeof supportMessageBody>;

export const supportMessageIdParam = z.object({ id: z.string() });

export const supportMessageJson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  user_id: z.string().nullable(),
  topic: z.enum(SUPPORT_TOPICS),
  message: z.string(),
  status: z.enum(SUPPORT_MESSAGE_STATUSES),
  created_at: z.string(),
  handled_at: z.string().nullable(),
});
export type SupportMessageJson = z.infer<typeof supportMessageJson>;

export const updateSupportMessageBody = z.object({ status: z.enum(SUPPORT_MESSAGE_STATUSES) });
