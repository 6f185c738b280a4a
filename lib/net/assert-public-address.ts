import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { AppError } from '@/lib/errors';

/**
 * SSRF guard shared by every outgoing fetch whose URL a user chose (image
 * URLs, webhook endpoints). An address is classified by the IANA special-
 * purpose registries as `ipaddr.js` names them; only `public` may be reached,
 * `loopback` when the caller allows it (local development and tests). A range
 * name this module does not know (a newer ipaddr.js) counts as `reserved`:
 * unknown means refused.
 *
 * IPv6 forms that embed an IPv4 address are judged by the embedded address:
 * IPv4-mapped `::ffff:a.b.c.d`, IPv4-translated `::ffff:0:a.b.c.d` (RFC 6145),
 * NAT64 `64:ff9b::/96` and the local-use `64:ff9b:1::/48` (RFC 8215, every
 * RFC 6052 position a /48../96 prefix could use), 6to4 `2002::/16`, Teredo
 * (server and de-obfuscated client) and the deprecated compatible `::a.b.c.d`.
 * So `::ffff:127.0.0.1` is loopback and `64:ff9b:1:a9fe:a9:fe00::` is the
 * metadata address.
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

const V4_CLASSES: Record<string, AddressClass> = {
  unicast: 'public',
  loopback: 'loopback',
  private: 'private',
  // 169.254.169.254 (cloud metadata) lives here.
  linkLocal: 'link_local',
  // Carrier-grade NAT; also holds 100.100.100.200 (another cloud's metadata).
  carrierGradeNat: 'shared',
  multicast: 'multicast',
  unspecified: 'reserved',
  broadcast: 'reserved',
  reserved: 'reserved',
};

const V6_CLASSES: Record<string, AddressClass> = {
  unicast: 'public',
  loopback: 'loopback',
  // fd00:ec2::254 (cloud metadata over IPv6) lives here.
  uniqueLocal: 'unique_local',
  linkLocal: 'link_local',
  deprecatedSiteLocal: 'link_local',
  multicast: 'multicast',
  unspecified: 'reserved',
};

/**
 * Which class names an address with several readings: any non-public one wins
 * (every reading must be allowed), the most specific first, so the reason
 * given is the telling one (link-local before loopback before private …).
 */
const PRECEDENCE: AddressClass[] = [
  'public',
  'reserved',
  'multicast',
  'shared',
  'unique_local',
  'private',
  'loopback',
  'link_local',
  'invalid',
];

function worst(classes: AddressClass[]): AddressClass {
  return classes.reduce(
    (a, b) => (PRECEDENCE.indexOf(b) > PRECEDENCE.indexOf(a) ? b : a),
    'public',
  );
}

function v4(bytes: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes.map((b) => b & 0xff));
}

/**
 * The IPv4 addresses an IPv6 address stands for, by its ipaddr.js range.
 * Several candidates when the position is not fixed (the local-use NAT64
 * prefix); `null` when the range embeds none.
 */
function embeddedIpv4(addr: ipaddr.IPv6, range: string): ipaddr.IPv4[] | null {
  const b = addr.toByteArray();
  const at = (i: number) => b[i] ?? 0;
  const last32 = () => v4([at(12), at(13), at(14), at(15)]);
  switch (range) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d
      return [last32()];
    case 'rfc6052': {
      // 64:ff9b::/96 (well-known) or 64:ff9b:1::/48 (local use, any RFC 6052 length ≥ 48)
      if (at(4) === 0 && at(5) === 0 && b.slice(6, 12).every((x) => x === 0)) return [last32()];
      return [
        v4([at(6), at(7), at(9), at(10)]), // /48
        v4([at(7), at(9), at(10), at(11)]), // /56
        v4([at(9), at(10), at(11), at(12)]), // /64
        last32(), // /96
      ];
    }
    case '6to4': // 2002:AABB:CCDD::/48
      return [v4([at(2), at(3), at(4), at(5)])];
    case 'teredo': // 2001:0:<server>:<flags>:<port>:<client XOR ffffffff>
      return [v4([at(4), at(5), at(6), at(7)]), v4([~at(12), ~at(13), ~at(14), ~at(15)])];
    case 'unicast':
      // Deprecated IPv4-compatible ::a.b.c.d (::/96 minus :: and ::1).
      if (b.slice(0, 12).every((x) => x === 0)) return [last32()];
      return null;
    default:
      return null;
  }
}

function classifyV4(addr: ipaddr.IPv4): AddressClass {
  return V4_CLASSES[addr.range()] ?? 'reserved';
}

/** Parses a textual IP (strict: node's isIP first, so `127.1` or `0x7f.1` are not addresses). */
function parse(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.split('%')[0] ?? '';
  if (!isIP(bare)) return null;
  try {
    return ipaddr.parse(bare);
  } catch {
    return null;
  }
}

export function classifyAddress(address: string): AddressClass {
  const addr = parse(address);
  if (!addr) return 'invalid';
  if (addr.kind() === 'ipv4') return classifyV4(addr as ipaddr.IPv4);
  const v6 = addr as ipaddr.IPv6;
  const range = v6.range();
  const embedded = embeddedIpv4(v6, range);
  if (embedded) {
    const judged = worst(embedded.map(classifyV4));
    // A Teredo address with a public client still tunnels through a relay we cannot vet.
    return range === 'teredo' && judged === 'public' ? 'reserved' : judged;
  }
  return V6_CLASSES[range] ?? 'reserved';
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

/** Cloud metadata endpoints, in ipaddr.js normalized form. */
const METADATA = new Set(
  ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'].map((a) =>
    ipaddr.parse(a).toNormalizedString(),
  ),
);

/** Cloud metadata endpoints (also when written as an IPv4-embedding IPv6 address). */
export function isMetadataAddress(address: string): boolean {
  const addr = parse(address);
  if (!addr) return false;
  if (addr.kind() === 'ipv4') return METADATA.has(addr.toNormalizedString());
  const v6 = addr as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6, v6.range());
  return embedded
    ? embedded.some((a) => METADATA.has(a.toNormalizedString()))
    : METADATA.has(v6.toNormalizedString());
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
