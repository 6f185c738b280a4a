import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';
import { PAYMENT_STATUSES, type PaymentStatus } from './enums';

export { PAYMENT_STATUSES, type PaymentStatus };

/** One Checkout Session. All amounts in integer minor units (cents). */
const paymentSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    provider: { type: String, enum: ['stripe', 'local'], required: true },
    checkoutSessionId: { type: String, required: true, maxlength: 255 },
    paymentIntentId: { type: String, maxlength: 255 },
    chargeId: { type: String, maxlength: 255 },
    customerId: { type: String, maxlength: 255 },
    credits: { type: Number, required: true, min: 1 },
    currency: { type: String, required: true, lowercase: true, minlength: 3, maxlength: 3 },
    listAmountCents: { type: Number, required: true, min: 0 },
    discountCents: { type: Number, required: true, min: 0 },
    amountCents: { type: Number, required: true, min: 0 },
    /** Discount in basis points (2500 = 25%). */
    discountBps: { type: Number, required: true, min: 0, max: 10000 },
    pricingVersion: { type: String, required: true, maxlength: 50 },
    status: { type: String, enum: PAYMENT_STATUSES, required: true, default: 'created' },
    refundedCents: { type: Number, default: 0, min: 0 },
    creditsRevoked: { type: Number, default: 0, min: 0 },
    /**
     * Credits a refund or dispute should have taken back but could not, because
     * they were already spent (no negative balances). Finance reviews these.
     */
    creditsShortfall: { type: Number, default: 0, min: 0 },
    disputeId: { type: String, maxlength: 255 },
    /** Stripe's dispute status (needs_response, won, lost, …). */
    disputeStatus: { type: String, maxlength: 50 },
    disputedCents: { type: Number, default: 0, min: 0 },
    failedAt: { type: Date },
    canceledAt: { type: Date },
    receiptUrl: { type: String, maxlength: 2048 },
    invoiceUrl: { type: String, maxlength: 2048 },
    flaggedReason: { type: String, maxlength: 500 },
    paidAt: { type: Date },
  },
  { timestamps: true, collection: 'payments' },
);

paymentSchema.index({ checkoutSessionId: 1 }, { unique: true });
paymentSchema.index({ userId: 1, createdAt: -1 });
paymentSchema.index({ paymentIntentId: 1 });
paymentSchema.index({ chargeId: 1 });
paymentSchema.index({ status: 1, createdAt: -1 });
// Daily analytics: revenue by the day the payment was made.
paymentSchema.index({ paidAt: 1 });

export type PaymentDoc = InferSchemaType<typeof paymentSchema> & { _id: mongoose.Types.ObjectId };
paymentSchema.plugin(connectFirst);

export const Payment: Model<InferSchemaType<typeof paymentSchema>> =
  (mongoose.models.Payment as Model<InferSchemaType<typeof paymentSchema>>) ??
  mongoose.model('Payment', paymentSchema);
