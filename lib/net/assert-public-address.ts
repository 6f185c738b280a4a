import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { AppError } from '@/lib/errors';

/**
 * SSRF guard shared by every outgoing fetch whose URL a user chose (image
 * URLs, webhook endpoints). An address is classified by the IANA special-
 * purpose registries; only `public` may be reached, `loopback` when the
 * caller allows it (local development and tests).
 *
 * IPv6 forms that embed an IPv4 address (mapped `::ffff:a.b.c.d`, NAT64
 * `64:ff9b::/96`, 6to4 `2002::/16`, deprecated compatible `::a.b.c.d`) are
 * judged by the embedded address, so `::ffff:127.0.0.1` is loopback and
 * `::ffff:169.254.169.254` is link-local.
 */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'unique_local'
  | 'shared'
  | 'multicast'
  | 'reserved'
  | 'invalid';

function blockList(entries: Array<[string, number]>, type: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of entries) list.addSubnet(net, prefix, type);
  return list;
}

const V4: Array<[AddressClass, BlockList]> = [
  ['loopback', blockList([['127.0.0.0', 8]], 'ipv4')],
  [
    'private',
    blockList(
      [
        ['10.0.0.0', 8],
        ['172.16.0.0', 12],
        ['192.168.0.0', 16],
      ],
      'ipv4',
    ),
  ],
  // 169.254.169.254 (cloud metadata) lives here.
  ['link_local', blockList([['169.254.0.0', 16]], 'ipv4')],
  // Carrier-grade NAT; also holds 100.100.100.200 (another cloud's metadata).
  ['shared', blockList([['100.64.0.0', 10]], 'ipv4')],
  ['multicast', blockList([['224.0.0.0', 4]], 'ipv4')],
  [
    'reserved',
    blockList(
      [
        ['0.0.0.0', 8],
        ['192.0.0.0', 24],
        ['192.0.2.0', 24],
        ['192.88.99.0', 24],
        ['198.18.0.0', 15],
        ['198.51.100.0', 24],
        ['203.0.113.0', 24],
        ['240.0.0.0', 4],
      ],
      'ipv4',
    ),
  ],
];

const V6: Array<[AddressClass, BlockList]> = [
  ['loopback', blockList([['::1', 128]], 'ipv6')],
  // fd00:ec2::254 (cloud metadata over IPv6) lives here.
  ['unique_local', blockList([['fc00::', 7]], 'ipv6')],
  [
    'link_local',
    blockList(
      [
        ['fe80::', 10],
        ['fec0::', 10],
      ],
      'ipv6',
    ),
  ],
  ['multicast', blockList([['ff00::', 8]], 'ipv6')],
  [
    'reserved',
    blockList(
      [
        ['::', 128],
        ['100::', 64],
        ['2001::', 32], // Teredo: tunnels to an IPv4 address we cannot vet
        ['2001:db8::', 32],
        ['2001:10::', 28],
      ],
      'ipv6',
    ),
  ],
];

/** Expands an IPv6 text form into its eight 16-bit groups. */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  // A trailing dotted quad counts as two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const parts = dotted[1].split('.').map(Number);
    if (parts.some((p) => p > 255)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = parts;
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 && missing !== 0) return null;
  if (missing < 0) return null;
  const groups = [
    ...head,
    ...Array<string>(halves.length === 2 ? missing : 0).fill('0'),
    ...tail,
  ].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : null;
}

/** The IPv4 address an IPv6 address stands for, if it embeds one. */
function embeddedIpv4(groups: number[]): string | null {
  const g = (i: number) => groups[i] ?? 0;
  const quad = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g(5) === 0xffff) return quad(g(6), g(7)); // ::ffff:a.b.c.d
  if (zeros(0, 5) && g(5) === 0 && (g(6) !== 0 || g(7) > 1)) return quad(g(6), g(7)); // ::a.b.c.d
  if (g(0) === 0x64 && g(1) === 0xff9b && zeros(2, 6)) return quad(g(6), g(7)); // NAT64
  if (g(0) === 0x2002) return quad(g(1), g(2)); // 6to4
  return null;
}

export function classifyAddress(address: string): AddressClass {
  const family = isIP(address.split('%')[0] ?? '');
  if (family === 4) {
    for (const [cls, list] of V4) if (list.check(address, 'ipv4')) return cls;
    return address === '255.255.255.255' ? 'reserved' : 'public';
  }
  if (family === 6) {
    const groups = ipv6Groups(address);
    if (!groups) return 'invalid';
    const v4 = embeddedIpv4(groups);
    if (v4) return classifyAddress(v4);
    const normal = groups.map((g) => g.toString(16)).join(':');
    for (const [cls, list] of V6) if (list.check(normal, 'ipv6')) return cls;
    return 'public';
  }
  return 'invalid';
}

export interface AddressPolicy {
  /** Permit 127.0.0.0/8 and ::1 (development and tests only). */
  allowLoopback?: boolean;
  /** Permit RFC 1918, unique-local and CGNAT ranges too (webhooks in development). Never metadata/link-local. */
  allowPrivate?: boolean;
}

export function isAllowedAddress(address: string, policy: AddressPolicy = {}): boolean {
  const cls = classifyAddress(address);
  if (cls === 'public') return true;
  if (cls === 'loopback') return Boolean(policy.allowLoopback || policy.allowPrivate);
  if (cls === 'private' || cls === 'unique_local' || cls === 'shared') {
    // fd00:ec2::254 is a metadata endpoint even though it is unique-local.
    return Boolean(policy.allowPrivate) && !isMetadataAddress(address);
  }
  return false;
}

const METADATA = new Set(['169.254.169.254', 'fd00:ec2:0:0:0:0:0:254', '100.100.100.200']);

/** Cloud metadata endpoints (also when written as an IPv4-embedding IPv6 address). */
export function isMetadataAddress(address: string): boolean {
  if (isIP(address) === 4) return METADATA.has(address);
  const groups = ipv6Groups(address);
  if (!groups) return false;
  const v4 = embeddedIpv4(groups);
  return v4 ? METADATA.has(v4) : METADATA.has(groups.map((g) => g.toString(16)).join(':'));
}

/** Throws `invalid_url` unless the address may be reached under the policy. */
export function assertPublicAddress(address: string, policy: AddressPolicy = {}): void {
  if (!isAllowedAddress(address, policy)) {
    throw new AppError(
      'invalid_url',
      'The URL points to an address that may not be reached (private, loopback or reserved)',
      {
        details: { reason: classifyAddress(address) },
      },
    );
  }
}

/**
 * Resolves a host name and checks every address it resolves to (one bad
 * answer refuses the host: DNS may rotate). An IP literal is checked as is.
 */
export async function resolvePublicAddresses(
  host: string,
  policy: AddressPolicy = {},
): Promise<LookupAddress[]> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const family = isIP(bare);
  let addresses: LookupAddress[];
  if (family) {
    addresses = [{ address: bare, family }];
  } else {
    try {
      addresses = await lookup(bare, { all: true, verbatim: true });
    } catch (err) {
      throw new AppError('invalid_url', `The host ${bare} could not be resolved`, {
        cause: err,
        details: { reason: 'unresolved' },
      });
    }
  }
  if (addresses.length === 0) {
    throw new AppError('invalid_url', `The host ${bare} has no address`, {
      details: { reason: 'unresolved' },
    });
  }
  for (const a of addresses) assertPublicAddress(a.address, policy);
  return addresses;
}
