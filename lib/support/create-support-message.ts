import { SupportMessage } from '@/models/support-message';
import type { RequestMeta } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import type { SupportMessageInput } from './schemas';

export interface CreatedSupportMessage {
  /** null when the honeypot caught it (nothing stored, the sender is not told). */
  id: string | null;
}

/**
 * Stores a message for the admins. A signed-in sender is answered at their
 * account's address; anyone else must give one. A filled honeypot is
 * accepted and dropped, so a bot learns nothing from the answer.
 */
export async function createSupportMessage(input: {
  message: SupportMessageInput;
  sender: { userId: string; email: string } | null;
  meta?: RequestMeta;
}): Promise<CreatedSupportMessage> {
  const { message, sender, meta } = input;
  if (message.website && message.website.trim() !== '') return { id: null };
  const email = sender?.email ?? (message.email || undefined);
  if (!email)
    throw new AppError('validation_error', 'email: enter an email address we can answer', {
      details: [{ path: 'email', message: 'enter an email address we can answer' }],
    });
  const doc = await SupportMessage.create({
    ...(sender ? { userId: sender.userId } : {}),
    email,
    ...(message.name ? { name: message.name } : {}),
    topic: message.topic,
    message: message.message,
    ...(meta?.ip ? { ip: meta.ip } : {}),
    ...(meta?.userAgent ? { userAgent: meta.userAgent } : {}),
  });
  return { id: doc._id.toString() };
}
