import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import {
  parseWebhookUrl,
  validateWebhookUrl,
  webhookAddressRefusal,
  type ResolveHost,
} from './validate-webhook-url';
import { webhookAddressPolicy } from './config';

const strict = webhookAddressPolicy(false);
const dev = webhookAddressPolicy(true);

async function codeOf(p: Promise<unknown>): Promise<{ code: string; reason?: string }> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    return { code: e.code, reason: (e.details as { reason?: string } | undefined)?.reason };
  }
  throw new Error('expected a refusal');
}

const resolvesTo =
  (...addresses: string[]): ResolveHost =>
  async () =>
    addresses;

describe('parseWebhookUrl', () => {
  it('accepts absolute https URLs and drops the fragment', () => {
    expect(
      parseWebhookUrl(' https://shop.example/hooks?x=1#frag ', { production: true }).toString(),
    ).toBe('https://shop.example/hooks?x=1');
  });

  it.each([
    ['not a url', 'webhook_url_invalid'],
    ['/relative/path', 'webhook_url_invalid'],
    ['ftp://shop.example/hooks', 'webhook_url_invalid'],
    ['javascript:alert(1)', 'webhook_url_invalid'],
    ['https://user:pass@shop.example/hooks', 'webhook_url_invalid'],
    [`https://shop.example/${'a'.repeat(2100)}`, 'webhook_url_invalid'],
    ['http://shop.example/hooks', 'webhook_url_https_required'],
  ])('%s in production → %s', (url, code) => {
    let err: unknown;
    try {
      parseWebhookUrl(url, { production: true });
    } catch (e) {
      err = e;
    }
    expect((err as AppError).code).toBe(code);
  });

  it('allows plain http outside production (local receivers)', () => {
    expect(parseWebhookUrl('http://shop.example/hooks', { production: false }).protocol).toBe(
      'http:',
    );
  });
});

describe('webhookAddressRefusal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['192.168.1.20', 'private'],
    ['172.20.1.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['169.254.10.10', 'link_local'],
    ['fe80::1', 'link_local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0.0.0.0', 'reserved'],
  ])('%s is refused as %s', (address, reason) => {
    expect(webhookAddressRefusal(address, strict)).toBe(reason);
  });

  it('lets loopback and private networks through only under the dev policy, never metadata or link-local', () => {
    expect(webhookAddressRefusal('93.184.216.34', strict)).toBeNull();
    expect(webhookAddressRefusal('127.0.0.1', dev)).toBeNull();
    expect(webhookAddressRefusal('10.0.0.5', dev)).toBeNull();
    expect(webhookAddressRefusal('169.254.169.254', dev)).toBe('metadata');
    expect(webhookAddressRefusal('fd00:ec2::254', dev)).toBe('metadata');
    expect(webhookAddressRefusal('169.254.1.1', dev)).toBe('link_local');
  });
});

describe('validateWebhookUrl', () => {
  const prod = { production: true, policy: strict };

  it('accepts a host that resolves only to public addresses', async () => {
    await expect(
      validateWebhookUrl('https://hooks.shop.example/in', {
        ...prod,
        resolve: resolvesTo('93.184.216.34', '2606:4700:4700::1111'),
      }),
    ).resolves.toBe('https://hooks.shop.example/in');
  });

  it('refuses IP literals of loopback, private, link-local and metadata addresses without DNS', async () => {
    const never: ResolveHost = () => Promise.reject(new Error('DNS must not be asked'));
    for (const [url, reason] of [
      ['https://127.0.0.1/hook', 'loopback'],
      ['https://[::1]:8443/hook', 'loopback'],
      ['https://10.1.2.3/hook', 'private'],
      ['https://169.254.169.254/latest/meta-data', 'metadata'],
      ['https://[fd00:ec2::254]/', 'metadata'],
      ['https://[::ffff:169.254.169.254]/', 'metadata'],
      ['https://[fe80::1]/', 'link_local'],
    ] as const) {
      expect(await codeOf(validateWebhookUrl(url, { ...prod, resolve: never })), url).toEqual({
        code: 'webhook_url_forbidden',
        reason,
      });
    }
  });

  it('refuses a name when any of its addresses is refused (DNS may rotate)', async () => {
    expect(
      await codeOf(
        validateWebhookUrl('https://sneaky.example/hook', {
          ...prod,
          resolve: resolvesTo('93.184.216.34', '10.0.0.7'),
        }),
      ),
    ).toEqual({ code: 'webhook_url_forbidden', reason: 'private' });
    expect(
      await codeOf(
        validateWebhookUrl('https://metadata.example/hook', {
          ...prod,
          resolve: resolvesTo('169.254.169.254'),
        }),
      ),
    ).toEqual({ code: 'webhook_url_forbidden', reason: 'metadata' });
  });

  it('refuses http in production before any lookup, and unresolvable hosts', async () => {
    expect(
      await codeOf(
        validateWebhookUrl('http://hooks.shop.example/in', {
          ...prod,
          resolve: resolvesTo('93.184.216.34'),
        }),
      ),
    ).toEqual({ code: 'webhook_url_https_required' });
    expect(
      await codeOf(
        validateWebhookUrl('https://nowhere.invalid/in', {
          ...prod,
          resolve: () =>
            Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })),
        }),
      ),
    ).toEqual({ code: 'webhook_url_unresolvable' });
    expect(
      await codeOf(
        validateWebhookUrl('https://empty.example/in', { ...prod, resolve: resolvesTo() }),
      ),
    ).toEqual({ code: 'webhook_url_unresolvable' });
  });

  it('with the dev policy, accepts a local receiver but still refuses metadata', async () => {
    await expect(
      validateWebhookUrl('http://127.0.0.1:4000/hook', { production: false, policy: dev }),
    ).resolves.toBe('http://127.0.0.1:4000/hook');
    expect(
      await codeOf(
        validateWebhookUrl('http://169.254.169.254/', { production: false, policy: dev }),
      ),
    ).toEqual({ code: 'webhook_url_forbidden', reason: 'metadata' });
  });

  it('refuses localhost through real DNS under the strict policy', async () => {
    expect(
      await codeOf(
        validateWebhookUrl('https://localhost:8443/hook', { production: true, policy: strict }),
      ),
    ).toEqual({ code: 'webhook_url_forbidden', reason: 'loopback' });
  });
});
