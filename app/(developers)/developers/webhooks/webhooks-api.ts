import { api } from '@/lib/client/api';
import type {
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
} from '@/lib/webhooks/schemas';

/** The browser's calls to /api/v1/webhooks; failures reject with an ApiError (lib/client). */
const base = '/api/v1/webhooks';

export interface EndpointFields {
  url: string;
  description: string;
  events: string[];
}

export const webhooksApi = {
  list: () => api<{ data: WebhookEndpointView[] }>(base).then((r) => r.data),
  get: (id: string) => api<WebhookEndpointWithSecret>(`${base}/${id}`),
  create: (f: EndpointFields) =>
    api<WebhookEndpointWithSecret>(base, {
      json: { ...f, description: f.description || undefined },
    }),
  update: (id: string, body: Partial<EndpointFields> & { enabled?: boolean }) =>
    api<WebhookEndpointView>(`${base}/${id}`, { method: 'PATCH', json: body }),
  remove: (id: string) => api<{ id: string }>(`${base}/${id}`, { method: 'DELETE' }),
  rotate: (id: string) =>
    api<WebhookEndpointWithSecret>(`${base}/${id}/rotate-secret`, { method: 'POST' }),
  test: (id: string, eventType: string) =>
    api<WebhookDeliveryView>(`${base}/${id}/test`, { json: { event_type: eventType } }),
  deliveries: (id: string, page: number) =>
    api<WebhookDeliveryPage>(`${base}/${id}/deliveries`, { query: { page, limit: 10 } }),
  retry: (id: string, deliveryId: string) =>
    api<WebhookDeliveryView>(`${base}/${id}/deliveries/${deliveryId}/retry`, { method: 'POST' }),
};
