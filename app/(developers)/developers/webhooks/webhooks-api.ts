import type {
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
} from '@/lib/webhooks/schemas';

/** The browser's calls to /api/v1/webhooks; an error envelope becomes an Error with its message. */
async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: init?.body ? { 'content-type': 'application/json' } : undefined,
  });
  const body = (await res.json().catch(() => null)) as
    (T & { error?: { message?: string } }) | null;
  if (!res.ok) throw new Error(body?.error?.message ?? `Request failed (${res.status})`);
  return body as T;
}

const base = '/api/v1/webhooks';
const post = (body?: unknown): RequestInit => ({
  method: 'POST',
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

export interface EndpointFields {
  url: string;
  description: string;
  events: string[];
}

export const webhooksApi = {
  list: () => call<{ data: WebhookEndpointView[] }>(base).then((r) => r.data),
  get: (id: string) => call<WebhookEndpointWithSecret>(`${base}/${id}`),
  create: (f: EndpointFields) =>
    call<WebhookEndpointWithSecret>(base, post({ ...f, description: f.description || undefined })),
  update: (id: string, body: Partial<EndpointFields> & { enabled?: boolean }) =>
    call<WebhookEndpointView>(`${base}/${id}`, { method: 'PATCH', body: JSON.stringify(body) }),
  remove: (id: string) => call<{ id: string }>(`${base}/${id}`, { method: 'DELETE' }),
  rotate: (id: string) => call<WebhookEndpointWithSecret>(`${base}/${id}/rotate-secret`, post()),
  test: (id: string, eventType: string) =>
    call<WebhookDeliveryView>(`${base}/${id}/test`, post({ event_type: eventType })),
  deliveries: (id: string, page: number) =>
    call<WebhookDeliveryPage>(`${base}/${id}/deliveries?page=${page}&limit=10`),
  retry: (id: string, deliveryId: string) =>
    call<WebhookDeliveryView>(`${base}/${id}/deliveries/${deliveryId}/retry`, post()),
};
