// The demo shop (demo-store/): static pages with the TrailRoom widget embedded, served on a
// second origin — `npm run dev` (APP port + 1) and the e2e server (E2E_PORT + 3000). The
// pages name the app and the publishable key as %%TRAILROOM_APP%% and %%TRAILROOM_KEY%%;
// this server fills them in. The key is derived from a secret, so every start of the same
// checkout serves (and the seed stores) the same one; a publishable key is public anyway.
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { ROOT } from './tools.mjs';

export const DEMO_STORE_DIR = path.join(ROOT, 'demo-store');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `pk_live_` + 32 base62 characters from HMAC-SHA256(secret): the demo shop's publishable key. */
export function demoStoreKey(secret) {
  const mac = createHmac('sha256', secret).update('trailroom demo-store publishable key').digest();
  let body = '';
  for (let i = 0; i < 32; i += 1) body += BASE62[mac[i] % 62];
  return `pk_live_${body}`;
}

/**
 * Serves demo-store/ on `port` of both loopback addresses (so `localhost` and `127.0.0.1`
 * are two origins of one server: e2e uses the second as a shop the key does not allow).
 */
export async function startDemoStore({ port, appUrl, publishableKey }) {
  const app = new URL(appUrl).origin;
  const handler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    let rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(DEMO_STORE_DIR, rel);
    const type = TYPES[path.extname(file)];
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      !file.startsWith(DEMO_STORE_DIR + path.sep) ||
      !type ||
      path.basename(file) === 'catalog.json'
    ) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (type.startsWith('text/html'))
      body = Buffer.from(
        body
          .toString('utf8')
          .replaceAll('%%TRAILROOM_APP%%', app)
          .replaceAll('%%TRAILROOM_KEY%%', publishableKey),
      );
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const servers = [];
  for (const host of ['127.0.0.1', '::1']) {
    const server = createServer((req, res) => void handler(req, res));
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
      });
      servers.push(server);
    } catch (err) {
      // No IPv6 loopback here: IPv4 alone still serves localhost.
      if (host === '127.0.0.1') throw err;
    }
  }
  return {
    url: `http://localhost:${port}`,
    stop: () => Promise.all(servers.map((s) => new Promise((resolve) => s.close(() => resolve())))),
  };
}
