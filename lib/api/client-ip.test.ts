import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { clientIp, UNKNOWN_CLIENT } from './client-ip';
import { PEER_HEADER, stampPeerAddress } from './peer-address';

const h = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff });

describe('clientIp', () => {
  it('ignores X-Forwarded-For with 0 trusted hops (a client can write anything there)', () => {
    expect(clientIp(h('203.0.113.7'), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(h('198.51.100.1, 203.0.113.7'), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(h(), 0)).toBe(UNKNOWN_CLIENT);
  });

  it('with 0 hops uses the peer address our own server stamped, never a forged stamp', () => {
    const req = {
      headers: { [PEER_HEADER]: 'forged:198.51.100.9' },
      socket: { remoteAddress: '::ffff:203.0.113.5' },
    };
    // A client-sent stamp is not ours: ignored.
    expect(clientIp(new Headers({ [PEER_HEADER]: 'forged:198.51.100.9' }), 0)).toBe(UNKNOWN_CLIENT);
    stampPeerAddress(req as unknown as IncomingMessage);
    const stamped = new Headers({
      [PEER_HEADER]: String(req.headers[PEER_HEADER]),
      'x-forwarded-for': '1.2.3.4',
    });
    expect(clientIp(stamped, 0)).toBe('203.0.113.5');
    // With trusted proxies the proxies' header decides, not the proxy's socket address.
    expect(clientIp(stamped, 1)).toBe('1.2.3.4');
  });

  it('takes the n-th address from the right with n hops', () => {
    const xff = '1.1.1.1, 198.51.100.1, 203.0.113.7, 10.0.0.2';
    expect(clientIp(h(xff), 1)).toBe('10.0.0.2');
    expect(clientIp(h(xff), 2)).toBe('203.0.113.7');
    expect(clientIp(h(xff), 3)).toBe('198.51.100.1');
  });

  it('takes the left-most address when fewer entries than hops arrived', () => {
    expect(clientIp(h('203.0.113.7'), 2)).toBe('203.0.113.7');
    expect(clientIp(h(), 1)).toBe(UNKNOWN_CLIENT);
  });

  it('normalises IPv4-mapped IPv6 and refuses what is not an address', () => {
    expect(clientIp(h('::ffff:203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientIp(h('2001:db8::1'), 1)).toBe('2001:db8::1');
    expect(clientIp(h('1.2.3.4, not-an-ip'), 1)).toBe(UNKNOWN_CLIENT);
  });
});
