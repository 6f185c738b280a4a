/** The support form's value sets, with no Mongoose import (browser-safe, like models/enums.ts). */
export const SUPPORT_TOPICS = ['account', 'billing', 'tryon', 'privacy', 'api', 'other'] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

export const SUPPORT_MESSAGE_STATUSES = ['open', 'handled'] as const;
export type SupportMessageStatus = (typeof SUPPORT_MESSAGE_STATUSES)[number];
