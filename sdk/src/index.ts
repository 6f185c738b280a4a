export { createTrailRoom } from './client';
export { unwrap } from './unwrap';
export type { TrailRoom, TrailRoomApi, TrailRoomOptions } from './client';
export { TrailRoomError } from './errors';
export type { ApiErrorCode, ClientErrorCode, TrailRoomErrorCode } from './errors';
export { TERMINAL_STATUSES } from './tryon';
export type {
  CreateTryonBody,
  CreateTryonInput,
  ImageInput,
  TryonApi,
  TryonJob,
  TryonJobStatus,
  TryonMode,
  WaitOptions,
} from './tryon';
export { verifyWebhook } from './webhooks';
export type { HeaderSource, WebhookEvent, WebhookEventType, WebhookHeaders } from './webhooks';
export type { components, operations, paths, webhooks } from './schema';
