import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { AppError } from '@/lib/errors';
import { isAllowedAddress, type AddressPolicy } from './assert-public-address';

/**
 * A `lookup` for http(s).request / net.connect that resolves the host and
 * refuses the connection unless every address passes the policy. Checking
 * inside the socket's own lookup leaves no gap between check and connect
 * (DNS rebinding). Sockets skip lookup for IP literals: check those with
 * assertPublicAddress before the request. A refusal is an AppError
 * `invalid_url`; a resolver failure is passed through (ENOTFOUND…).
 */
export function guardedLookup(
  policy: AddressPolicy,
  opts: { loopbackOnly?: boolean } = {},
): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, []);
      const refused =
        addresses.length === 0 || addresses.some((a) => !isAllowedAddress(a.address, policy));
      if (refused) {
        return callback(
          new AppError(
            'invalid_url',
            'The URL points to an address that may not be reached (private, loopback or reserved)',
          ),
          [],
        );
      }
      if (
        opts.loopbackOnly &&
        !addresses.every((a) => a.address === '::1' || a.address.startsWith('127.'))
      ) {
        return callback(
          new AppError('invalid_url', 'Plain http is only allowed for loopback addresses'),
          [],
        );
      }
      const wanted =
        options.family === 4 || options.family === 6
          ? addresses.filter((a) => a.family === options.family)
          : addresses;
      if (options.all) return callback(null, wanted);
      const first = wanted[0];
      if (!first)
        return callback(
          Object.assign(new Error(`No IPv${options.family} address for ${hostname}`), {
            code: 'ENOTFOUND',
          }),
          [],
        );
      return callback(null, first.address, first.family);
    });
  };
}
