import { describe, expect, it } from 'vitest';
import { countingStream } from '@/lib/testing/counting-stream';
import { JSON_BODY_LIMIT, readJson } from './read-json';

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/x', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);

describe('readJson', () => {
  it('parses application/json, with or without a charset', async () => {
    expect(await readJson(post('{"a":1}', { 'content-type': 'application/json' }))).toEqual({
      a: 1,
    });
    expect(
      await readJson(post('[1]', { 'content-type': 'Application/JSON; charset=utf-8' })),
    ).toEqual([1]);
  });

  it('refuses text/plain and form types with 415, before reading the body', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const { stream, counter } = countingStream({ chunkSize: 1024, total: 10 });
      await expect(readJson(post(stream, { 'content-type': type }))).rejects.toMatchObject({
        code: 'unsupported_media_type',
        status: 415,
      });
      expect(counter.pulled).toBe(0);
    }
  });

  it('refuses a body without a Content-Type (415); an empty body reads as {}', async () => {
    await expect(readJson(post('{"a":1}'))).rejects.toMatchObject({ status: 415 });
    // (undici adds text/plain for a string body: send bytes to have none at all)
    await expect(readJson(post(new TextEncoder().encode('{"a":1}')))).rejects.toMatchObject({
      status: 415,
    });
    expect(await readJson(post(null))).toEqual({});
    expect(await readJson(post(null, { 'content-type': 'application/json' }))).toEqual({});
  });

  it('stops a chunked body past 1 MB (or the route cap) with 413', async () => {
    const { stream, counter } = countingStream({ chunkSize: 64 * 1024 });
    await expect(
      readJson(post(stream, { 'content-type': 'application/json' })),
    ).rejects.toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(counter.pulled).toBeLessThanOrEqual(JSON_BODY_LIMIT + 64 * 1024);
    const small = countingStream({ chunkSize: 1024, total: 5000 });
    await expect(
      readJson(post(small.stream, { 'content-type': 'application/json' }), 2000),
    ).rejects.toMatchObject({ status: 413 });
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    await expect(
      readJson(post('{"a":', { 'content-type': 'application/json' })),
    ).rejects.toMatchObject({ code: 'invalid_json', status: 400 });
  });
});
