import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import {
  assertPublicAddress,
  classifyAddress,
  isAllowedAddress,
  resolvePublicAddresses,
} from './assert-public-address';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link_local'],
    ['169.254.0.1', 'link_local'],
    ['100.64.0.1', 'shared'],
    ['100.100.100.200', 'shared'],
    ['0.0.0.0', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'reserved'],
    ['fc00::1', 'unique_local'],
    ['fd12:3456::1', 'unique_local'],
    ['fd00:ec2::254', 'unique_local'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    // IPv4 embedded in IPv6 is judged by the IPv4 address.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::ffff:a9fe:a9fe', 'link_local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:c0a8:0101::1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['not-an-ip', 'invalid'],
    ['127.1', 'invalid'],
    // IPv4-translated (RFC 6145) ::ffff:0:a.b.c.d
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:a9fe:a9fe', 'link_local'],
    ['::ffff:0:10.1.2.3', 'private'],
    ['::ffff:0:8.8.8.8', 'public'],
    // NAT64 well-known prefix and the local-use /48 (RFC 8215)
    ['64:ff9b::169.254.169.254', 'link_local'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['64:ff9b:1::7f00:1', 'loopback'], // /96 position
    ['64:ff9b:1:7f00:0:100::', 'loopback'], // /48 position: 127.0 | u | 0.1
    ['64:ff9b:1:a9fe:a9:fe00::', 'link_local'], // /48 position, 169.254.169.254
    ['64:ff9b:1:0a:1:203::', 'private'], // /56 position: 10.1.2.3
    // 6to4 and Teredo
    ['2002:7f00:1::1', 'loopback'],
    ['2002:a9fe:a9fe::1', 'link_local'],
    ['2002:808:808::1', 'public'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'], // client ~80ff:fffe = 127.0.0.1
    ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', 'reserved'], // public client 8.8.8.8: still a tunnel
    ['2001:0:a00:1:8000:63bf:f7f7:f7f7', 'private'], // Teredo server 10.0.0.1
    // Other special IPv6 ranges named by ipaddr.js
    ['100::1', 'reserved'],
    ['2001:2::1', 'reserved'],
    ['3fff::1', 'reserved'],
    ['fec0::1', 'link_local'],
  ])('%s → %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe('assertPublicAddress', () => {
  it('refuses loopback, private, link-local, metadata and unique-local addresses with invalid_url', () => {
    for (const a of [
      '127.0.0.1',
      '::1',
      '10.0.0.1',
      '192.168.0.10',
      '169.254.169.254',
      'fc00::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      'fe80::1',
    ]) {
      let err: unknown;
      try {
        assertPublicAddress(a);
      } catch (e) {
        err = e;
      }
      expect(err, a).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('invalid_url');
    }
    expect(() => assertPublicAddress('1.1.1.1')).not.toThrow();
  });

  it('lets loopback through only when asked, and never metadata even with allowPrivate', () => {
    expect(isAllowedAddress('127.0.0.1', { allowLoopback: true })).toBe(true);
    expect(isAllowedAddress('::1', { allowLoopback: true })).toBe(true);
    expect(isAllowedAddress('10.0.0.1', { allowLoopback: true })).toBe(false);
    expect(isAllowedAddress('169.254.169.254', { allowLoopback: true })).toBe(false);
    expect(isAllowedAddress('10.0.0.1', { allowPrivate: true })).toBe(true);
    expect(isAllowedAddress('fd00:ec2::254', { allowPrivate: true })).toBe(false);
    expect(isAllowedAddress('100.100.100.200', { allowPrivate: true })).toBe(false);
    expect(isAllowedAddress('169.254.169.254', { allowPrivate: true })).toBe(false);
    expect(isAllowedAddress('::ffff:0:a9fe:a9fe', { allowPrivate: true })).toBe(false);
    expect(isAllowedAddress('64:ff9b:1::a9fe:a9fe', { allowPrivate: true })).toBe(false);
    expect(isAllowedAddress('fd00:ec2:0::254', { allowPrivate: true })).toBe(false);
    expect(isAllowedAddress('::ffff:0:127.0.0.1')).toBe(false);
    expect(isAllowedAddress('64:ff9b:1::10.0.0.1')).toBe(false);
  });
});

describe('resolvePublicAddresses', () => {
  it('checks IP literals without DNS and refuses a host resolving to loopback', async () => {
    await expect(resolvePublicAddresses('[::1]')).rejects.toMatchObject({ code: 'invalid_url' });
    await expect(resolvePublicAddresses('localhost')).rejects.toMatchObject({
      code: 'invalid_url',
    });
    const ok = await resolvePublicAddresses('localhost', { allowLoopback: true });
    expect(ok.length).toBeGreaterThan(0);
    await expect(resolvePublicAddresses('8.8.8.8')).resolves.toEqual([
      { address: '8.8.8.8', family: 4 },
    ]);
  });
});
