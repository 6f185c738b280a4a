import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose';
import { connectFirst } from './connect-first';

/** Every admin action: who, what, on which entity, before and after. */
const auditLogSchema = new Schema(
  {
    actorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    actorEmail: { type: String, maxlength: 320 },
    actorRole: { type: String, maxlength: 50 },
    action: { type: String, required: true, maxlength: 100 },
    entityType: { type: String, required: true, maxlength: 50 },
    entityId: { type: String, maxlength: 200 },
    before: { type: Schema.Types.Mixed },
    after: { type: Schema.Types.Mixed },
    reason: { type: String, maxlength: 1000 },
    ip: { type: String, maxlength: 100 },
    userAgent: { type: String, maxlength: 500 },
    requestId: { type: String, maxlength: 100 },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'audit_logs' },
);

auditLogSchema.index({ createdAt: -1 });
auditLogSchema.index({ entityType: 1, entityId: 1, createdAt: -1 });
auditLogSchema.index({ actorId: 1, createdAt: -1 });

export type AuditLogDoc = InferSchemaType<typeof auditLogSchema> & { _id: mongoose.Types.ObjectId };
auditLogSchema.plugin(connectFirst);

export const AuditLog: Model<InferSchemaType<typeof auditLogSchema>> =
  (mongoose.models.AuditLog as Model<InferSchemaType<typeof auditLogSchema>>) ??
  mongoose.model('AuditLog', auditLogSchema);
