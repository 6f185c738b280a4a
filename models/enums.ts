/**
 * The value sets of the models' enum fields, with no Mongoose import: browser-safe, so
 * lib/<domain>/schemas.ts (shared by forms and routes) can use them. Each model
 * re-exports its own.
 */

// models/admin-operation.ts
export const ADMIN_OPERATION_KINDS = ['tryon_job.retry', 'payment.refund'] as const;
export type AdminOperationKind = (typeof ADMIN_OPERATION_KINDS)[number];

// models/credit-transaction.ts
export const CREDIT_TX_TYPES = [
  'free',
  'purchase',
  'usage',
  'refund',
  'admin_adjustment',
  'chargeback',
] as const;
export type CreditTxType = (typeof CREDIT_TX_TYPES)[number];

// models/daily-stat.ts
export const DAILY_METRICS = [
  'signups',
  'tryonsCreated',
  'tryonsCompleted',
  'tryonsFailed',
  'creditsSpent',
  'creditsRefunded',
  'creditsPurchased',
  'revenueCents',
  'payments',
  'tryonsCanceled',
  /** Distinct people who started a try-on that day. */
  'activeUsers',
  /** Completed jobs with a processing time, their total and 95th percentile (ms). */
  'processedJobs',
  'processingMsTotal',
  'processingMsP95',
  /** Try-ons submitted that day, by mode. */
  'tryonsTop',
  'tryonsFull',
  'tryonsOnePiece',
] as const;
export type DailyMetric = (typeof DAILY_METRICS)[number];

// models/job-claim.ts
export const JOB_CLAIM_KINDS = ['cron_tick', 'webhook_attempt', 'reroll_daily'] as const;
export type JobClaimKind = (typeof JOB_CLAIM_KINDS)[number];

// models/organization.ts, models/membership.ts, models/org-invite.ts
export const ORG_STATUSES = ['active', 'suspended', 'deleted'] as const;
export const ORG_ROLES = ['owner', 'admin', 'member'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];
export type OrgRole = (typeof ORG_ROLES)[number];
/** Who owns a ledger (and every owned record): a person or an organisation. */
export const OWNER_TYPES = ['user', 'organization'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

// models/api-key.ts
/** `secret` (tr_live_), `test` (tr_test_), `publishable` (pk_live_); a stored key without one is secret. */
export const API_KEY_KINDS = ['secret', 'test', 'publishable'] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];

// models/payment.ts
export const PAYMENT_STATUSES = [
  'created',
  'pending',
  'paid',
  'failed',
  'canceled',
  'refunded',
  'partially_refunded',
  'disputed',
  'flagged',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

// models/product.ts
/** A catalog product's garment kind; `one_piece` is a dress or jumpsuit (input also takes `one-piece`). */
export const PRODUCT_CATEGORIES = ['top', 'bottom', 'one_piece'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

// models/prompt.ts
export const PROMPT_TYPES = ['system', 'top_only', 'full_outfit', 'one_piece'] as const;
export type PromptType = (typeof PROMPT_TYPES)[number];

// models/tryon-report.ts
/** Why a finished try-on is "not right" (the owner's report; the first one re-rolls it free). */
export const REPORT_REASONS = [
  'garment_changed',
  'face_changed',
  'body_changed',
  'artefacts',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

// models/tryon-job.ts
export const JOB_STATUSES = ['queued', 'processing', 'completed', 'failed', 'canceled'] as const;
export const TRYON_MODES = ['top', 'full', 'one_piece'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export type TryonMode = (typeof TRYON_MODES)[number];

// models/user.ts
export const ROLES = ['user', 'support_admin', 'finance_admin', 'super_admin'] as const;
export const USER_STATUSES = ['active', 'suspended', 'deleted'] as const;
export type Role = (typeof ROLES)[number];
export type UserStatus = (typeof USER_STATUSES)[number];

// models/widget-event.ts
/**
 * What the storefront widget records: the dialog opened, a try-on created or completed, an
 * add-to-cart reported by the store (`TrailRoom.track`), a request refused (with a reason).
 */
export const WIDGET_EVENT_TYPES = [
  'open',
  'tryon_created',
  'tryon_completed',
  'add_to_cart',
  'refused',
] as const;
export type WidgetEventType = (typeof WIDGET_EVENT_TYPES)[number];
/** The types a store may report from its own page through POST /api/widget/events. */
export const WIDGET_TRACKABLE_EVENT_TYPES = ['add_to_cart'] as const;
export type WidgetTrackableEventType = (typeof WIDGET_TRACKABLE_EVENT_TYPES)[number];

// models/webhook-endpoint.ts
export const WEBHOOK_EVENT_TYPES = [
  'tryon.completed',
  'tryon.failed',
  'payment.completed',
  'credits.low',
  'widget.tryon.completed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
