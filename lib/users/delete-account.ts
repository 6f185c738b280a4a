import {
  ApiKey,
  AuditLog,
  Membership,
  Payment,
  SavedPhoto,
  TryonJob,
  User,
  WebhookDelivery,
  WebhookEndpoint,
} from '@/models';
import { recordAudit, type RequestMeta } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import { deleteOwnerImages } from '@/lib/storage';

export interface DeletedAccount {
  userId: string;
  removed: {
    jobs: number;
    assets: number;
    apiKeys: number;
    webhookEndpoints: number;
    webhookDeliveries: number;
  };
  anonymisedPayments: number;
}

/** The address a deleted account keeps: unique (the email index), and never deliverable (RFC 2606 `.invalid`). */
export const deletedEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;

/**
 * Deletes a person's account at their request. The user document is
 * anonymised first, in one update (email replaced, name/picture/provider ids
 * removed, status `deleted`, all sessions revoked), so from that moment
 * nothing can sign in as them or act for them. Then their try-on jobs, images,
 * API keys and webhooks are removed. Payments and credit_transactions stay for
 * the books: they reference only the user id; the Stripe customer id and
 * receipt links on payments are removed because they lead back to the person.
 * Safe to run again on a deleted account (finishes an interrupted deletion).
 */
export async function deleteAccount(input: {
  userId: string;
  meta?: RequestMeta;
}): Promise<DeletedAccount> {
  const { userId, meta } = input;
  if (!/^[0-9a-f]{24}$/i.test(userId)) throw notFound('User');
  const user = await User.findById(userId).select('role status').lean();
  if (!user) throw notFound('User');

  if (user.status !== 'deleted') {
    if (user.role === 'super_admin') {
      const others = await User.countDocuments({
        _id: { $ne: user._id },
        role: 'super_admin',
        status: 'active',
      });
      if (others === 0)
        throw new AppError(
          'invalid_state',
          'You are the only super admin: make someone else super admin first',
        );
    }
    // An organisation is never left without an owner (as leaving it would).
    const owned = await Membership.find({ userId, role: 'owner' }, { orgId: 1 }).lean();
    for (const m of owned) {
      const others = await Membership.countDocuments({
        orgId: m.orgId,
        role: 'owner',
        userId: { $ne: user._id },
      });
      if (others === 0)
        throw new AppError(
          'last_owner',
          'You are the only owner of an organisation: make someone else owner first',
          { details: { org_id: m.orgId.toString() } },
        );
    }
    await User.updateOne(
      { _id: user._id },
      {
        $set: {
          email: deletedEmail(userId),
          status: 'deleted',
          role: 'user',
          deletedAt: new Date(),
        },
        $unset: {
          name: 1,
          image: 1,
          provider: 1,
          providerAccountId: 1,
          stripeCustomerId: 1,
          suspendedReason: 1,
          lastLoginAt: 1,
        },
        $inc: { sessionVersion: 1 },
      },
    );
  }

  // Their memberships go: nothing acts for an organisation as them any more.
  await Membership.deleteMany({ userId });
  const [deliveries, endpoints, apiKeys, jobs, assets] = await Promise.all([
    WebhookDelivery.deleteMany({ userId }),
    WebhookEndpoint.deleteMany({ userId }),
    ApiKey.deleteMany({ userId }),
    TryonJob.deleteMany({ userId }),
    deleteOwnerImages(userId),
    // My photos: the records go with the images they kept.
    SavedPhoto.deleteMany({ userId }),
  ]);
  const payments = await Payment.updateMany(
    { userId },
    { $unset: { customerId: 1, receiptUrl: 1, invoiceUrl: 1 } },
  );
  // Audit entries they wrote as an admin keep the id, not the address.
  await AuditLog.updateMany(
    { actorId: userId, actorEmail: { $exists: true } },
    { $unset: { actorEmail: 1 } },
  );

  const result: DeletedAccount = {
    userId,
    removed: {
      jobs: jobs.deletedCount,
      assets: assets.deletedCount,
      apiKeys: apiKeys.deletedCount,
      webhookEndpoints: endpoints.deletedCount,
      webhookDeliveries: deliveries.deletedCount,
    },
    anonymisedPayments: payments.modifiedCount,
  };
  await recordAudit({
    actor: { userId },
    action: 'account.delete',
    entity: { type: 'user', id: userId },
    after: { status: 'deleted', removed: result.removed },
    meta,
  });
  return result;
}
