import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, apiUrl, requestInit } from './api';
import { ApiError, errorMessage, fieldErrors, toApiError } from './api-error';

afterEach(() => vi.unstubAllGlobals());

function answer(status: number, body: unknown) {
  const fetchSpy = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status }),
  );
  vi.stubGlobal('fetch', fetchSpy);
  return fetchSpy;
}

describe('requestInit', () => {
  it('sends JSON with its content type, same-origin credentials and no cache', () => {
    const init = requestInit({ json: { a: 1 } });
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect(init.credentials).toBe('same-origin');
    expect(init.cache).toBe('no-store');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('sends no content type without a body, and GET by default', () => {
    const init = requestInit();
    expect(init.method).toBe('GET');
    expect((init.headers as Record<string, string>)['content-type']).toBeUndefined();
  });

  it('keeps an explicit method for a JSON body', () => {
    expect(requestInit({ method: 'PATCH', json: {} }).method).toBe('PATCH');
  });
});

describe('apiUrl', () => {
  it('adds the non-empty query parameters', () => {
    expect(apiUrl('/api/x', { page: 2, q: '', status: undefined, on: true })).toBe(
      '/api/x?page=2&on=true',
    );
    expect(apiUrl('/api/x', {})).toBe('/api/x');
  });
});

describe('api', () => {
  it('resolves to the JSON body of a 2xx answer', async () => {
    const spy = answer(200, { data: [1] });
    await expect(api('/api/v1/things', { query: { limit: 5 } })).resolves.toEqual({ data: [1] });
    expect(spy.mock.calls[0]?.[0]).toBe('/api/v1/things?limit=5');
  });

  it('rejects with the envelope as an ApiError', async () => {
    answer(409, { error: { code: 'conflict', message: 'Already there', details: { id: 'x' } } });
    const err = await api('/api/v1/things', { json: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'Already there',
      details: { id: 'x' },
    });
  });

  it('gives a readable error for a body that is not the envelope', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 502 }));
    await expect(api('/api/x')).rejects.toMatchObject({
      status: 502,
      code: 'error',
      message: 'Request failed (502)',
    });
  });

  it('turns a network failure into status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api('/api/x')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('resolves null for an empty 2xx body', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(api('/api/x', { method: 'DELETE' })).resolves.toBeNull();
  });
});

describe('error helpers', () => {
  it('reads field errors of a validation envelope', () => {
    const err = toApiError(422, {
      error: {
        code: 'validation_failed',
        message: 'Invalid',
        details: { fieldErrors: { name: ['Too long', 'x'], url: [] } },
      },
    });
    expect(fieldErrors(err)).toEqual({ name: 'Too long' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });

  it('picks a message for anything thrown', () => {
    expect(errorMessage(new ApiError(400, 'bad', 'Bad thing'))).toBe('Bad thing');
    expect(errorMessage('boom', 'Fallback')).toBe('Fallback');
    expect(errorMessage(new Error('plain'))).toBe('plain');
  });
});
