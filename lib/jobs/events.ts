import type { TryonMode } from '@/models/enums';
import type { WebhookEventType } from '@/models/webhook-endpoint';

/**
 * The event catalog: every event TrailRoom raises, by name, with its payload.
 * The one place event names live; `sendEvent` and `step.sendEvent` accept only
 * `{ name, data }` pairs from here, so a wrong payload is a type error.
 */
export const TRYON_JOB_CREATED = 'tryon/job.created';
export const WEBHOOK_DELIVERY_REQUESTED = 'webhook/delivery.requested';
export const USER_EVENT = 'app/user.event';

export interface TryonJobCreatedData {
  jobId: string;
  userId: string;
  mode: TryonMode;
  /** The provider the job is expected to use: the per-provider throttle key. */
  provider: string;
}

export interface WebhookDeliveryRequestedData {
  deliveryId: string;
  endpointId: string;
  userId: string;
  /** A redelivery the owner asked for: one attempt, outside the schedule. */
  manual?: boolean;
}

export interface UserEventData {
  userId: string;
  /** False for a test key's event: delivered to test endpoints only (absent = live). */
  livemode?: boolean;
  type: WebhookEventType;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export interface EventCatalog {
  [TRYON_JOB_CREATED]: TryonJobCreatedData;
  [WEBHOOK_DELIVERY_REQUESTED]: WebhookDeliveryRequestedData;
  [USER_EVENT]: UserEventData;
}

export type EventName = keyof EventCatalog;

/** An event to send: a name from the catalog with its payload (a union over the catalog). */
export type OutgoingEvent<N extends EventName = EventName> = {
  [K in N]: {
    name: K;
    data: EventCatalog[K];
    /** Deterministic id: Inngest (and the inline runner) drop a repeated id. */
    id?: string;
  };
}[N];
