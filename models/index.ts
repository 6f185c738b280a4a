export * from './user';
export * from './credit-transaction';
export * from './tryon-job';
export * from './payment';
export * from './processed-event';
export * from './api-key';
export * from './webhook-endpoint';
export * from './webhook-delivery';
export * from './prompt';
export * from './prompt-activation';
export * from './audit-log';
export * from './asset';
export * from './daily-stat';
export * from './admin-operation';
export * from './job-claim';
export * from './admin-grant';
export * from './support-message';
export * from './saved-photo';
export * from './product';
export * from './cap-entry';
export * from './organization';
export * from './membership';
export * from './org-invite';
export * from './tryon-report';
export * from './widget-event';

import { User } from './user';
import { CreditTransaction } from './credit-transaction';
import { TryonJob } from './tryon-job';
import { Payment } from './payment';
import { ProcessedEvent } from './processed-event';
import { ApiKey } from './api-key';
import { WebhookEndpoint } from './webhook-endpoint';
import { WebhookDelivery } from './webhook-delivery';
import { Prompt } from './prompt';
import { PromptActivation } from './prompt-activation';
import { AuditLog } from './audit-log';
import { Asset } from './asset';
import { DailyStat } from './daily-stat';
import { AdminOperation } from './admin-operation';
import { JobClaim } from './job-claim';
import { AdminGrant } from './admin-grant';
import { SupportMessage } from './support-message';
import { SavedPhoto } from './saved-photo';
import { Product, ProductSku } from './product';
import { CapEntry } from './cap-entry';
import { Organization } from './organization';
import { Membership } from './membership';
import { OrgInvite } from './org-invite';
import { TryonReport } from './tryon-report';
import { WidgetEvent } from './widget-event';

export const ALL_MODELS = [
  User,
  CreditTransaction,
  TryonJob,
  Payment,
  ProcessedEvent,
  ApiKey,
  WebhookEndpoint,
  WebhookDelivery,
  Prompt,
  PromptActivation,
  AuditLog,
  Asset,
  DailyStat,
  AdminOperation,
  AdminGrant,
  JobClaim,
  SavedPhoto,
  SupportMessage,
  Product,
  ProductSku,
  CapEntry,
  WidgetEvent,
  TryonReport,
  Organization,
  Membership,
  OrgInvite,
] as const;
