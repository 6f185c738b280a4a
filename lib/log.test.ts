import { Writable } from 'node:stream';
import type pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, redactString, redactValue } from './log';

/** A logger with the production redaction, writing its lines to an array. */
function capture(): { log: pino.Logger; lines: () => string[] } {
  const out: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger('info', stream), lines: () => out };
}

const LIVE_KEY = 'tr_live_AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const WHSEC = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const STRIPE = 'sk_test_51H8abcdefghijklmnopqrstu';

describe('log redaction', () => {
  it('redacts secret keys at any depth, in arrays, maps and errors', () => {
    const { log, lines } = capture();
    log.info(
      {
        a: {
          b: {
            c: {
              d: {
                password: 'hunter2',
                headers: { Authorization: 'Basic dXNlcjpwYXNz', 'X-Api-Key': 'whatever' },
              },
            },
          },
        },
        list: [{ nested: [{ client_secret: 's3cr3t', accessToken: 'at-1' }] }],
        map: new Map([['cookie', 'session=abc']]),
        keep: { idempotencyKey: 'admin:123', count: 3, jobId: 'j1' },
      },
      'deep',
    );
    const text = lines().join('');
    for (const secret of ['hunter2', 'dXNlcjpwYXNz', 'whatever', 's3cr3t', 'at-1', 'session=abc']) {
      expect(text).not.toContain(secret);
    }
    const line = JSON.parse(text) as {
      a: { b: { c: { d: { password: string; headers: Record<string, string> } } } };
      keep: Record<string, unknown>;
    };
    expect(line.a.b.c.d.password).toBe(REDACTED);
    expect(line.a.b.c.d.headers.Authorization).toBe(REDACTED);
    expect(line.keep).toEqual({ idempotencyKey: 'admin:123', count: 3, jobId: 'j1' });
  });

  it('redacts credential-shaped values wherever they appear: messages, errors, causes, bindings', () => {
    const { log, lines } = capture();
    const child = log
      .child({ extra: { note: `called with ${LIVE_KEY}` } })
      .child({ nested: { auth: { token: 'grandchild-secret' } } });
    const err = new Error(`Stripe said no for ${STRIPE}`, {
      cause: new Error(`signature mismatch with ${WHSEC}`),
    });
    child.error(
      { err, deep: { x: { y: { z: { header: `Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig` } } } } },
      `request with ${LIVE_KEY} failed`,
    );
    child.warn(new Error(`bad key ${LIVE_KEY}`));
    const text = lines().join('');
    for (const secret of [
      'AbCdEfGhIjKlMnOpQrStUvWxYz012345',
      'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      '51H8abcdefghijklmnopqrstu',
      'eyJhbGciOiJIUzI1NiJ9',
      'grandchild-secret',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain(`tr_live_${REDACTED}`);
    expect(text).toContain(`Bearer ${REDACTED}`);
    expect(text).toContain('Stripe said no for sk_test_');
  });

  it('survives cycles and very deep objects, and leaves ordinary values alone', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(redactValue(loop)).toEqual({ name: 'loop', self: '[circular]' });
    let deep: Record<string, unknown> = { token: 'bottom' };
    for (let i = 0; i < 30; i++) deep = { next: deep };
    expect(JSON.stringify(redactValue(deep))).not.toContain('bottom');
    expect(redactString('job 42 failed after 3 attempts')).toBe('job 42 failed after 3 attempts');
    const when = new Date('2026-01-01T00:00:00Z');
    expect(redactValue({ when, n: 1, ok: true })).toEqual({ when, n: 1, ok: true });
  });
});
