import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '@/lib/errors';
import { isProduction } from '@/lib/env';
import {
  classifyAddress,
  isAllowedAddress,
  isMetadataAddress,
  type AddressPolicy,
} from '@/lib/net';
import { webhookAddressPolicy } from './config';
import { MAX_WEBHOOK_URL_LENGTH } from './schemas';

/**
 * The registration check of a webhook URL (delivery checks again, inside the
 * socket's DNS lookup — see send-webhook-request.ts). Each refusal has its own
 * code: webhook_url_invalid, webhook_url_https_required, webhook_url_forbidden
 * (details.reason: loopback | private | link_local | metadata | …) and
 * webhook_url_unresolvable.
 */

export type AddressRefusal = 'metadata' | Exclude<ReturnType<typeof classifyAddress>, 'public'>;

/** Why an address may not receive webhooks under the policy, or null when it may. */
export function webhookAddressRefusal(
  address: string,
  policy: AddressPolicy,
): AddressRefusal | null {
  if (isAllowedAddress(address, policy)) return null;
  if (isMetadataAddress(address)) return 'metadata';
  return classifyAddress(address) as AddressRefusal;
}

const REASON_TEXT: Record<AddressRefusal, string> = {
  metadata: 'a cloud metadata address',
  loopback: 'a loopback address',
  private: 'a private network address',
  link_local: 'a link-local address',
  unique_local: 'a private (unique-local) address',
  shared: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
  invalid: 'an invalid address',
};

function invalid(message: string): AppError {
  return new AppError('webhook_url_invalid', message);
}

/** The URL's shape alone (no DNS): absolute http(s), no credentials, https in production. */
export function parseWebhookUrl(raw: string, rules: { production: boolean }): URL {
  const text = raw.trim();
  if (text.length > MAX_WEBHOOK_URL_LENGTH)
    throw invalid(`The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('Enter an absolute URL, such as https://example.com/webhooks');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid('Webhook URLs must use https');
  if (url.protocol === 'http:' && rules.production) {
    throw new AppError('webhook_url_https_required', 'Webhook URLs must use https');
  }
  if (url.username || url.password)
    throw invalid('Webhook URLs may not carry a user name or password');
  if (!url.hostname) throw invalid('The URL has no host');
  // A fragment is never sent over HTTP; keep the stored URL what is really called.
  url.hash = '';
  return url;
}

export function forbiddenAddress(host: string, address: string, reason: AddressRefusal): AppError {
  return new AppError(
    'webhook_url_forbidden',
    host === address
      ? `Webhook URLs may not point to ${REASON_TEXT[reason]} (${address})`
      : `Webhook URLs may not point to ${REASON_TEXT[reason]} (${host} resolves to ${address})`,
    { details: { reason, address } },
  );
}

export type ResolveHost = (host: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Validates a webhook URL for registration: its shape, then every address its
 * host resolves to (one refused answer refuses the URL: DNS may rotate).
 * Returns the normalised URL.
 */
export async function validateWebhookUrl(
  raw: string,
  opts: { production?: boolean; policy?: AddressPolicy; resolve?: ResolveHost } = {},
): Promise<string> {
  const url = parseWebhookUrl(raw, { production: opts.production ?? isProduction });
  const policy = opts.policy ?? webhookAddressPolicy();
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await (opts.resolve ?? resolveWithDns)(host);
    } catch (err) {
      throw new AppError('webhook_url_unresolvable', `The host ${host} could not be resolved`, {
        cause: err,
      });
    }
    if (addresses.length === 0)
      throw new AppError('webhook_url_unresolvable', `The host ${host} has no address`);
  }
  for (const address of addresses) {
    const reason = webhookAddressRefusal(address, policy);
    if (reason) throw forbiddenAddress(host, address, reason);
  }
  return url.toString();
}
