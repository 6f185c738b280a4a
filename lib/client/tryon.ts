import type { ReportTryonBody, ReportTryonResponse } from '@/lib/tryon/report-schemas';
import type { DeleteTryonResponse, TryonJobResponse } from '@/lib/tryon/schemas';
import { api } from './api';
import { ApiError, toApiError } from './api-error';

/** Browser calls to the try-on API, shared by the studio and history islands. */
export const jobImagePath = (id: string, output?: number) =>
  `/api/v1/tryon/${id}/image${output !== undefined ? `?output=${output}` : ''}`;

export const tryonApi = {
  get: (id: string, signal?: AbortSignal) =>
    api<TryonJobResponse>(`/api/v1/tryon/${id}`, { signal }),
  remove: (id: string) => api<DeleteTryonResponse>(`/api/v1/tryon/${id}`, { method: 'DELETE' }),
  /** The job, or with `output` one result of a several-result job. */
  setFavorite: (id: string, favorite: boolean, output?: number) =>
    api<TryonJobResponse>(`/api/v1/tryon/${id}`, {
      method: 'PATCH',
      json: output !== undefined ? { favorite, output } : { favorite },
    }),
  submit: submitTryon,
  /** "Not right": the first report of a completed try-on re-rolls it once for free. */
  report: (id: string, body: ReportTryonBody) =>
    api<ReportTryonResponse>(`/api/v1/tryon/${id}/report`, { method: 'POST', json: body }),
};

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
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status === 202 || xhr.status === 200) resolve(xhr.response as TryonJobResponse);
      else reject(toApiError(xhr.status, xhr.response));
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'network_error', 'The upload failed. Check your connection and try again.'),
      );
    xhr.send(form);
  });
}
