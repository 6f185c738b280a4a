import type { DeleteTryonResponse, TryonJobResponse } from '@/lib/tryon/schemas';

/**
 * Browser calls to the try-on API, shared by the studio and history islands.
 * Errors carry the API envelope's code and message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

async function parseError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    return new ApiError(
      res.status,
      body.error?.code ?? 'error',
      body.error?.message ?? `Request failed (${res.status})`,
      body.error?.details,
    );
  } catch {
    return new ApiError(res.status, 'error', `Request failed (${res.status})`);
  }
}

export const jobImagePath = (id: string) => `/api/v1/tryon/${id}/image`;

export async function fetchJob(id: string, signal?: AbortSignal): Promise<TryonJobResponse> {
  const res = await fetch(`/api/v1/tryon/${id}`, { cache: 'no-store', signal });
  if (!res.ok) throw await parseError(res);
  return (await res.json()) as TryonJobResponse;
}

export async function deleteJob(id: string): Promise<DeleteTryonResponse> {
  const res = await fetch(`/api/v1/tryon/${id}`, { method: 'DELETE' });
  if (!res.ok) throw await parseError(res);
  return (await res.json()) as DeleteTryonResponse;
}

export async function setFavorite(id: string, favorite: boolean): Promise<TryonJobResponse> {
  const res = await fetch(`/api/v1/tryon/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ favorite }),
  });
  if (!res.ok) throw await parseError(res);
  return (await res.json()) as TryonJobResponse;
}

/**
 * Submits the multipart form with upload progress (fetch cannot report it).
 * The Idempotency-Key makes a retried submission of the same attempt safe.
 */
export function submitTryon(
  form: FormData,
  idempotencyKey: string,
  onProgress: (percent: number) => void,
): Promise<TryonJobResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/tryon');
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const body = xhr.response as
        | (TryonJobResponse & { error?: { code: string; message: string; details?: unknown } })
        | null;
      if (xhr.status === 202 || xhr.status === 200) resolve(body as TryonJobResponse);
      else
        reject(
          new ApiError(
            xhr.status,
            body?.error?.code ?? 'error',
            body?.error?.message ?? `Request failed (${xhr.status})`,
            body?.error?.details,
          ),
        );
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'network_error', 'The upload failed. Check your connection and try again.'),
      );
    xhr.send(form);
  });
}
